#!/usr/bin/env node
// `pnpm test`: builds and tests every package through turbo, then sums the vitest JSON reports
// (test-results/vitest.json in each package) into one closing line:
//   Tests: N passed, N failed, N skipped
// plus a count per backend (suites run by describeEachBackend carry [cpu], [wasm], [webgpu]).
// Exits non-zero when anything failed, a package crashed before reporting, or no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const workspaces = ['packages', 'examples'].flatMap((area) =>
  existsSync(join(root, area))
    ? readdirSync(join(root, area))
        .map((name) => join(root, area, name))
        .filter((dir) => statSync(dir).isDirectory())
    : [],
);
const reportOf = (dir) => join(dir, 'test-results', 'vitest.json');
for (const dir of workspaces) rmSync(reportOf(dir), { force: true });

const extraArgs = process.argv.slice(2);
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', '--continue', '--concurrency=2', '--output-logs=new-only', ...extraArgs],
  {
    cwd: root,
    stdio: 'inherit',
    // turbo runs two test processes at once; on 2 cores a second wasm thread per process would wait on a
    // descheduled one (5-10x slower runs were seen), so the tests run wasm on one thread unless told otherwise.
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', BAIHUA_WASM_THREADS: process.env.BAIHUA_WASM_THREADS ?? '1' },
  },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
const perBackend = {};
const perPackage = [];
for (const dir of workspaces) {
  const file = reportOf(dir);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  // A file that failed to load has no assertions but counts as a failure.
  const brokenFiles = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  counts.failed += brokenFiles;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  perPackage.push({ name: dir.slice(root.length), ...counts });
  for (const file of report.testResults) {
    for (const assertion of file.assertionResults) {
      const backend = assertion.ancestorTitles.join(' ').match(/\[(cpu|wasm|webgpu)\]/)?.[1] ?? 'backend-independent';
      perBackend[backend] ??= { passed: 0, failed: 0, skipped: 0 };
      const status = assertion.status === 'passed' ? 'passed' : assertion.status === 'failed' ? 'failed' : 'skipped';
      perBackend[backend][status] += 1;
    }
  }
}

console.log('\nPer package:');
for (const p of perPackage)
  console.log(`  ${p.name.padEnd(28)} ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
console.log('Per backend:');
for (const [backend, c] of Object.entries(perBackend))
  console.log(`  ${backend.padEnd(28)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
const turboFailed = turbo.status !== 0;
if (turboFailed && totals.failed === 0) {
  console.log(
    'turbo reported a failure that no test report shows (a build, a crash before reporting, or a missing report).',
  );
  totals.failed += 1;
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(turboFailed || totals.failed > 0 || totals.passed === 0 ? 1 : 0);
