import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { runBrowserBenchCli } from './browser-runner.js';

// What needs no browser: the arguments and a missing site. The run itself is tested end to end in
// examples/web/test/bench-browser-runner.test.ts, against the built site.
describe('runBrowserBenchCli before it starts a browser', () => {
  const empty = mkdtempSync(join(tmpdir(), 'baihua-no-site-'));
  const defaults = { siteFolder: empty, outFolder: join(empty, 'out') };
  afterAll(() => rmSync(empty, { recursive: true, force: true }));
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
    return { out: () => out.join(''), err: () => err.join('') };
  };

  test('--help prints the flags under its own name and exits 0', async () => {
    const printed = capture();
    expect(await runBrowserBenchCli(['--help'], defaults)).toBe(0);
    expect(printed.out()).toContain('Usage: pnpm bench:browser [-- options]');
    expect(printed.out()).toContain('--backends <names>');
    expect(printed.out()).toContain('(default: packages/bench/results/browser)');
    expect(printed.out()).toContain('--compare <old.json>  run, then show the change from an earlier report');
  });

  test('a bad flag exits 2 with the parser message', async () => {
    const printed = capture();
    expect(await runBrowserBenchCli(['--suite', 'nope'], defaults)).toBe(2);
    expect(printed.err()).toContain("--suite expects one of ops, models, seed, got 'nope'");
  });

  test('two files to compare exit 2: that needs no browser, pnpm bench does it', async () => {
    const printed = capture();
    expect(await runBrowserBenchCli(['--compare', 'a.json', 'b.json'], defaults)).toBe(2);
    expect(printed.out()).toContain('--compare takes one file here (two: use pnpm bench -- --compare a b)');
  });

  test('without the built site it exits 1 and says how to build it, writing nothing', async () => {
    const printed = capture();
    expect(await runBrowserBenchCli([], defaults)).toBe(1);
    expect(printed.err()).toContain(`expected the built site in ${empty}, got no bench/index.html there`);
    expect(printed.err()).toContain('pnpm bench:browser');
  });
});
