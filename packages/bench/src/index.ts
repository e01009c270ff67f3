// @baihua/bench: the harness (browser-safe) and the suites. The Node CLI lives in cli.ts and node/.
export type {
  BenchCase,
  BenchMode,
  BenchSuite,
  CaseContext,
  Implementation,
  PreparedCase,
  SuiteName,
  Tolerance,
} from './harness/bench-case.js';
export type { BenchEnvironment, BenchReport, BenchRow, MemoryDelta, TimingSettings } from './harness/bench-report.js';
export { benchReportSchemaId } from './harness/bench-report.js';
export { compareWithReference, defaultTolerance } from './harness/correctness.js';
export type { CorrectnessCheck, HostTensor } from './harness/correctness.js';
export { readBack } from './harness/read-back.js';
export { runCaseOnBackend } from './harness/run-case.js';
export { fullTiming, quickTiming, runBench } from './harness/run-bench.js';
export type { BenchProgress, RunBenchOptions } from './harness/run-bench.js';
export { addRatios } from './harness/ratios.js';
export { median, percentile, summarizeSamples } from './harness/statistics.js';
export type { SampleSummary } from './harness/statistics.js';
export { parseBenchReport, validateBenchReport } from './harness/validate-report.js';
export { installChainedTensorMethods } from './harness/chained-tensor-methods.js';
export { seededNormal, seededOneHot, seededWeight } from './harness/seeded-tensors.js';
export { barChartSvg } from './report/svg-bar-chart.js';
export type { BarChartSpec, BarGroup } from './report/svg-bar-chart.js';
export { reportCharts } from './report/charts.js';
export { markdownReport, markdownTable } from './report/markdown-report.js';
export { pivotTable } from './report/pivot-table.js';
export { terminalTable } from './report/terminal-table.js';
export { compareReports, comparisonTable } from './report/compare-reports.js';
export type { RowChange } from './report/compare-reports.js';
export { parseBenchArguments } from './harness/bench-arguments.js';
export type { BenchArguments } from './harness/bench-arguments.js';
export { benchSuites, suiteNames } from './suites/suites.js';
