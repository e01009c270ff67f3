import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BenchPageHook, benchPageHookName, benchProgressHookName } from '../browser/bench-page-hook.js';
import { benchUsage, parseBenchArguments } from '../harness/bench-arguments.js';
import type { BenchProgress } from '../harness/run-bench.js';
import { parseBenchReport } from '../harness/validate-report.js';
import { compareReports, comparisonTable } from '../report/compare-reports.js';
import { terminalTable } from '../report/terminal-table.js';
import { launchChromium } from './launch-chromium.js';
import { createProgressReporter } from './progress.js';
import { serveSite } from './serve-site.js';
import { readUserReport, userPath } from './user-paths.js';
import { writeResults } from './write-results.js';

/** `pnpm bench`'s usage, as it reads for `pnpm bench:browser` (its output folder; one-file --compare). */
const browserUsage = benchUsage
  .replace('pnpm bench ', 'pnpm bench:browser ')
  .replace('packages/bench/results/latest', 'packages/bench/results/browser')
  .replace(
    /--compare <a\.json> \[b\.json\] .*/,
    '--compare <old.json>  run, then show the change from an earlier report',
  );

/** Where `pnpm bench:browser` finds the built site and puts its results. */
export interface BrowserRunnerDefaults {
  /** examples/web/dist (built by `pnpm bench:browser` through turbo). */
  siteFolder: string;
  /** packages/bench/results/browser. */
  outFolder: string;
}

/**
 * `pnpm bench:browser`: serves the built site with the COOP/COEP headers, opens its Bench page in
 * headless Chromium, runs the suites there with the flags of `pnpm bench` (the page's hook fills
 * its form and runs), then prints the same terminal table and writes the same files (plus the
 * page's screenshot, `page.png`). Returns the exit code: 0 when it ran, 2 on bad arguments, 1 when
 * the site or the browser is missing or the page fails.
 *
 * @example process.exit(await runBrowserBenchCli(['--suite', 'ops'], { siteFolder, outFolder }));
 *
 * In plain words: `pnpm bench`, but measured inside the browser a user has.
 */
export async function runBrowserBenchCli(argv: readonly string[], defaults: BrowserRunnerDefaults): Promise<number> {
  let args: ReturnType<typeof parseBenchArguments>;
  try {
    args = parseBenchArguments(argv);
  } catch (error) {
    process.stderr.write(
      `${(error instanceof Error ? error.message : String(error)).replace(/pnpm bench\b/, 'pnpm bench:browser')}\n`,
    );
    return 2;
  }
  if (args.help || args.compare.length > 1) {
    const note = args.help
      ? ''
      : 'bench:browser: --compare takes one file here (two: use pnpm bench -- --compare a b)\n';
    process.stdout.write(`${note}${browserUsage}\n`);
    return args.help ? 0 : 2;
  }
  if (!existsSync(join(defaults.siteFolder, 'bench', 'index.html'))) {
    process.stderr.write(
      `bench:browser: expected the built site in ${defaults.siteFolder}, got no bench/index.html there ` +
        '(run it from the repository root, `pnpm bench:browser`, which builds it)\n',
    );
    return 1;
  }
  const baseline = args.compare[0] !== undefined ? readUserReport(args.compare[0]) : undefined;
  const site = await serveSite(defaults.siteFolder);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  const folder = args.out !== undefined ? userPath(args.out) : resolve(defaults.outFolder);
  const log: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (message) => log.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => log.push(`[pageerror] ${error.message}`));
    const progress = createProgressReporter();
    await page.exposeFunction(benchProgressHookName, (event: BenchProgress) => progress(event));
    await page.goto(`${site.url}bench/`);
    await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
    const options = {
      suites: args.suites,
      backends: args.backends,
      mode: args.mode,
      ...(args.filter ? { filter: args.filter } : {}),
    };
    const json = await page.evaluate(
      ([hookName, runOptions]) => (globalThis as unknown as Record<string, BenchPageHook>)[hookName]?.run(runOptions),
      [benchPageHookName, options] as const,
    );
    const report = parseBenchReport(json, 'the bench page');
    const files = writeResults(report, folder);
    await page.screenshot({ path: join(folder, 'page.png'), fullPage: true });
    files.push(join(folder, 'page.png'));
    if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`\n${terminalTable(report)}\n`);
    process.stderr.write(
      `\nWrote ${files.length} files to ${folder}: ${files.map((file) => file.slice(folder.length + 1)).join(', ')}\n`,
    );
    if (baseline)
      process.stderr.write(`\nChange from ${args.compare[0]}:\n${comparisonTable(compareReports(baseline, report))}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench:browser: the bench page failed: ${message}\n${log.slice(-20).join('\n')}\n`);
    return 1;
  } finally {
    await browser.close();
    await site.close();
  }
}
