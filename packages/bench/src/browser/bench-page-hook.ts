import type { BenchReport } from '../harness/bench-report.js';
import type { BenchProgress } from '../harness/run-bench.js';
import type { BrowserBenchOptions } from './run-bench-in-browser.js';

/**
 * What the bench page (examples/web/src/bench/) puts on `globalThis[benchPageHookName]`, so a
 * script driving the page (`pnpm bench:browser`, the end-to-end test) runs it as a person would:
 * `run` sets the page's form to the options, runs, shows the report and resolves with it.
 */
export interface BenchPageHook {
  run(options: Omit<BrowserBenchOptions, 'onProgress'>): Promise<BenchReport>;
  /** The last finished report, if any. */
  report(): BenchReport | undefined;
}

/** The global the bench page's hook lives under. */
export const benchPageHookName = 'baihuaBench';

/** A global function the page calls with every progress event when a driver has installed it. */
export const benchProgressHookName = 'baihuaBenchProgress';

/** The progress hook a driver may install (playwright's exposeFunction). */
export type BenchProgressHook = (progress: BenchProgress) => void;
