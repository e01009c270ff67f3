import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchUsage, parseBenchArguments } from '../harness/bench-arguments.js';
import { fullTiming, quickTiming, runBench } from '../harness/run-bench.js';
import { parseBenchReport } from '../harness/validate-report.js';
import { installNodeOrtLoaders } from '../ort/node-ort-loaders.js';
import { compareReports, comparisonTable } from '../report/compare-reports.js';
import { terminalTable } from '../report/terminal-table.js';
import { benchSuites } from '../suites/suites.js';
import { nodeEnvironment, residentBytes } from './environment.js';
import { createProgressReporter } from './progress.js';
import { writeResults } from './write-results.js';

/** Where results go when `--out` is not given. */
export interface CliDefaults {
  outFolder: string;
}

/**
 * Paths on the command line are relative to where the user typed it (pnpm sets INIT_CWD; the script itself
 * runs in packages/bench).
 */
function fromUser(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function readReport(path: string) {
  return parseBenchReport(JSON.parse(readFileSync(fromUser(path), 'utf8')), path);
}

/**
 * The bench command line: parse, run (or only compare), print, write the results folder.
 * Returns the exit code: 0 when it ran (wrong or failing rows are reported, not fatal), 2 on bad arguments.
 */
export async function runCli(argv: readonly string[], defaults: CliDefaults): Promise<number> {
  let args: ReturnType<typeof parseBenchArguments>;
  try {
    args = parseBenchArguments(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${benchUsage}\n`);
    return 0;
  }
  if (args.compare.length === 2) {
    const [oldPath, newPath] = args.compare as [string, string];
    const table = comparisonTable(compareReports(readReport(oldPath), readReport(newPath)));
    process.stdout.write(`Change from ${oldPath} to ${newPath}:\n${table}\n`);
    return 0;
  }
  const baseline = args.compare[0] !== undefined ? readReport(args.compare[0]) : undefined;
  const suites = benchSuites.filter((suite) => args.suites.includes(suite.name));
  installNodeOrtLoaders();
  const report = await runBench({
    suites,
    backends: args.backends,
    mode: args.mode,
    timing: args.mode === 'full' ? fullTiming : quickTiming,
    ...(args.filter ? { filter: args.filter } : {}),
    ...(args.reference ? { reference: args.reference } : {}),
    environment: nodeEnvironment(),
    hostMemory: residentBytes,
    onProgress: createProgressReporter(),
  });
  const folder = args.out !== undefined ? fromUser(args.out) : resolve(defaults.outFolder);
  const files = writeResults(report, folder);
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`\n${terminalTable(report)}\n`);
  process.stderr.write(
    `\nWrote ${files.length} files to ${folder}: ${files.map((file) => file.slice(folder.length + 1)).join(', ')}\n`,
  );
  if (baseline)
    process.stderr.write(`\nChange from ${args.compare[0]}:\n${comparisonTable(compareReports(baseline, report))}\n`);
  return 0;
}
