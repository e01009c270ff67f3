// What `npm install @baihua/core` downloads: packs the package as it would be published (pnpm pack,
// from the built dist) and lists the tarball. The PyTorch reference data of the repository's tests
// (420 KB) must not be in it: it lives in the private packages/test-fixtures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const destination = mkdtempSync(join(tmpdir(), 'baihua-core-pack-'));
let entries: { path: string; size: number }[] = [];

beforeAll(() => {
  execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: packageDir, stdio: 'pipe' });
  const tarball = readdirSync(destination).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball to ${destination}`);
  // `tar -tzvf`: permissions, owner, size, date, time, path.
  const listing = execFileSync('tar', ['-tzvf', join(destination, tarball)], { encoding: 'utf8' });
  entries = listing
    .trim()
    .split('\n')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return { path: (fields.at(-1) as string).replace(/^package\//, ''), size: Number(fields[2]) };
    });
}, 120_000);

afterAll(() => rmSync(destination, { recursive: true, force: true }));

test('the published package holds no test fixture data', () => {
  expect(entries.length).toBeGreaterThan(5);
  expect(entries.map((e) => e.path)).toContain('dist/testing.js');
  const fixtures = entries.filter((e) => /fixture|torch-reference/i.test(e.path));
  expect(fixtures).toEqual([]);
  const json = entries.filter((e) => e.path.endsWith('.json') && e.path !== 'package.json');
  expect(json).toEqual([]);
});

test('the @baihua/core/testing entry is small (helpers only, no bundled data)', () => {
  const size = (file: string): number => {
    const entry = entries.find((e) => e.path === file);
    if (entry === undefined) throw new Error(`${file} is not in the package`);
    return entry.size;
  };
  // ESM: the helpers alone (the rest of core is a shared chunk). With the fixture data it was 430 KB.
  expect(size('dist/testing.js')).toBeLessThan(40_000);
  // CommonJS has no shared chunks: the entry repeats part of core, but must stay below core itself.
  expect(size('dist/testing.cjs')).toBeLessThan(size('dist/index.cjs'));
});
