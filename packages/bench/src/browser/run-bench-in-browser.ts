import { ArgumentError, assertKnownOptions } from '@baihua/core';
import type { BenchMode, SuiteName } from '../harness/bench-case.js';
import type { BenchReport } from '../harness/bench-report.js';
import { type BenchProgress, fullTiming, quickTiming, runBench } from '../harness/run-bench.js';
import { benchSuites, suiteNames } from '../suites/suites.js';
import { browserEnvironment } from './browser-environment.js';

/** Options of {@link runBenchInBrowser}; every field has the default of `pnpm bench`. */
export interface BrowserBenchOptions {
  /** Suites to run (default: all, in their order). */
  suites?: SuiteName[];
  /** Backends to time (default cpu, wasm, webgpu); unavailable ones get skipped rows with the reason. */
  backends?: string[];
  /** 'quick' (default) or 'full' (larger sizes, longer timing). */
  mode?: BenchMode;
  /** Only cases whose id or title contains this text, any case. */
  filter?: string;
  /** Called before and after every row (for a progress bar). */
  onProgress?: (progress: BenchProgress) => void;
}

const optionKeys = ['suites', 'backends', 'mode', 'filter', 'onProgress'];
/** The backends `pnpm bench` times by default. */
export const defaultBrowserBackends = ['cpu', 'wasm', 'webgpu'];

/**
 * Runs the bench's suites in the current page, as `pnpm bench` does in Node: every case on every
 * chosen backend, cpu first as the reference, each result checked against cpu's. Returns the same
 * report (schema `baihua-bench/1`): its environment has describeBackends() (the WebGPU adapter,
 * wasm SIMD and thread count) and {@link browserEnvironment}. The page must have registered the
 * tfjs backends and, for wasm, pointed `setWasmPaths` at the .wasm files.
 *
 * @example
 * const report = await runBenchInBrowser({ suites: ['ops'], filter: 'matMul', backends: ['cpu', 'webgpu'] });
 * document.body.textContent = terminalTable(report);
 *
 * In plain words: the bench, on the GPU of whoever opened the page.
 */
export async function runBenchInBrowser(options: BrowserBenchOptions = {}): Promise<BenchReport> {
  assertKnownOptions('runBenchInBrowser', 'options', options, optionKeys);
  const names = options.suites ?? suiteNames;
  for (const name of names)
    if (!suiteNames.includes(name))
      throw new ArgumentError('runBenchInBrowser', `expected suites from ${suiteNames.join(', ')}, got '${name}'`);
  const mode = options.mode ?? 'quick';
  if (mode !== 'quick' && mode !== 'full')
    throw new ArgumentError('runBenchInBrowser', `expected mode 'quick' or 'full', got '${String(mode)}'`);
  const backends = options.backends ?? defaultBrowserBackends;
  if (backends.length === 0) throw new ArgumentError('runBenchInBrowser', 'expected at least one backend, got none');
  return runBench({
    suites: benchSuites.filter((suite) => names.includes(suite.name)),
    backends,
    mode,
    timing: mode === 'full' ? fullTiming : quickTiming,
    ...(options.filter ? { filter: options.filter } : {}),
    environment: browserEnvironment(),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
