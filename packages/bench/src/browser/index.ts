// @baihua/bench/browser: the bench in a web page. runBenchInBrowser runs the same suites as `pnpm bench`
// and returns the same report; the rest are the report's renderers and checks, re-exported so a page
// needs this one entry (the Node command line, the results folder and ONNX Runtime loaders stay out).
export { browserEnvironment } from './browser-environment.js';
export type { BrowserEnvironment } from './browser-environment.js';
export { defaultBrowserBackends, runBenchInBrowser } from './run-bench-in-browser.js';
export type { BrowserBenchOptions } from './run-bench-in-browser.js';
export type { BenchMode, SuiteName } from '../harness/bench-case.js';
export type { BenchReport, BenchRow } from '../harness/bench-report.js';
export type { BenchProgress } from '../harness/run-bench.js';
export { parseBenchReport } from '../harness/validate-report.js';
export { reportCharts } from '../report/charts.js';
export { compareReports } from '../report/compare-reports.js';
export type { RowChange } from '../report/compare-reports.js';
export { environmentLines } from '../report/environment-lines.js';
export { formatMs, formatRatio } from '../report/format.js';
export { pivotTable } from '../report/pivot-table.js';
export { problemLines } from '../report/summary-rows.js';
export { terminalTable } from '../report/terminal-table.js';
export { benchSuites, suiteNames } from '../suites/suites.js';
export { benchPageHookName, benchProgressHookName } from './bench-page-hook.js';
export type { BenchPageHook, BenchProgressHook } from './bench-page-hook.js';
