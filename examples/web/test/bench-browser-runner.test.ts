// `pnpm bench:browser` end to end: the bench package's runner (dist/browser-cli.js, as the root script
// starts it) serves this site's dist/, runs its Bench page in headless Chromium on a small suite, prints
// the terminal table and writes the report files. The page itself is tested in bench-page.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { parseBenchReport } from '@baihua/bench/browser';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { siteUnavailableReason } from './site-session.js';

// The package's main entry is dist/index.js; the runner lies beside it.
const runner = join(dirname(createRequire(import.meta.url).resolve('@baihua/bench')), 'browser-cli.js');
const site = fileURLToPath(new URL('../dist', import.meta.url));
const unavailable =
  siteUnavailableReason() ??
  (existsSync(runner) ? undefined : `${runner} is missing: build @baihua/bench first (pnpm turbo run build)`);

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [runner, ...args], {
    env: { ...process.env, BAIHUA_BENCH_SITE: site },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

if (unavailable !== undefined)
  reportUnavailable('Chromium for pnpm bench:browser', unavailable, requiredOnCi('BAIHUA_REQUIRE_BROWSER'));
else
  describe('pnpm bench:browser', () => {
    const out = mkdtempSync(join(tmpdir(), 'baihua-bench-browser-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    test('prints the table of pnpm bench with the browser adapter and writes the report files', async () => {
      const { code, stdout, stderr } = await runCli(['--suite', 'ops', '--filter', 'softmax CE', '--out', out]);
      expect(code, stderr).toBe(0);
      // The environment section names the browser and its WebGPU adapter; then one line per case.
      expect(stdout).toMatch(/^browser \(Mozilla\/5\.0 .*Chrome/m);
      expect(stdout).toMatch(/^webgpu: \S.*\((SOFTWARE fallback|hardware)/m);
      expect(stdout).toMatch(/cpu ms\s+wasm ms\s+webgpu ms\s+wasm vs cpu\s+webgpu vs cpu\s+ours\/stock/);
      expect(stdout).toMatch(/softmax CE fwd\+bwd 64x10\s+ours .*cpu \S+x, wasm \S+x, webgpu \S+x/);
      expect(stdout).not.toContain('Problems:');
      expect(stderr).toMatch(/ 6\/6 softmax CE fwd\+bwd 64x10 \[webgpu\]/);
      for (const file of ['report.json', 'report.md', 'summary.txt', 'throughput.svg', 'ours-vs-stock.svg', 'page.png'])
        expect(statSync(join(out, file)).size, file).toBeGreaterThan(0);
      const report = parseBenchReport(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')), 'report.json');
      expect(report.rows.map((row) => row.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
      expect(report.environment).toMatchObject({ crossOriginIsolated: true });
      const webgpu = report.environment.backends.backends.find((backend) => backend.name === 'webgpu');
      expect(webgpu?.adapter?.vendor).toMatch(/\S/);
    });
  });
