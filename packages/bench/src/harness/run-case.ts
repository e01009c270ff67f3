import * as tf from '@tensorflow/tfjs-core';
import { Bench } from 'tinybench';
import type { BenchCase, BenchMode, PreparedCase } from './bench-case.js';
import type { BenchRow, TimingSettings } from './bench-report.js';
import { isCaseUnavailable } from '../ort/ort-unavailable-error.js';
import { compareWithReference, defaultTolerance, type HostTensor } from './correctness.js';
import { readBack } from './read-back.js';
import { summarizeSamples } from './statistics.js';

/** What {@link runCaseOnBackend} needs besides the case. */
export interface CaseRunOptions {
  backend: string;
  mode: BenchMode;
  timing: TimingSettings;
  /** The reference backend's results for this case; absent when this run is the reference. */
  reference?: HostTensor[];
  /** The backend `reference` came from (default cpu), for the message of a wrong row. */
  referenceBackend?: string;
  /** Host memory in bytes (RSS in Node), injected so the harness stays free of Node APIs. */
  hostMemory?: () => number;
  /** Only the cold run (for a reference), no timing. */
  coldOnly?: boolean;
}

/** A row, plus the host copy of the cold run's results (the reference, on cpu). */
export interface CaseRunOutcome {
  row: BenchRow;
  output?: HostTensor[];
}

/**
 * Measures one case on the active backend: setup; a cold run (timed alone, its results checked
 * against the reference backend's); tinybench warm-up, then timed runs, each ending with readback; then
 * dispose, with tensor and memory deltas. Errors become a row with status 'error'.
 *
 * @example const { row } = await runCaseOnBackend(matMulCase, { backend: 'wasm', mode: 'quick', timing, reference });
 *
 * In plain words: one honest stopwatch reading of one piece of work on one backend.
 */
export async function runCaseOnBackend(benchCase: BenchCase, options: CaseRunOptions): Promise<CaseRunOutcome> {
  const row = baseRow(benchCase, options.backend);
  const before = tf.memory();
  const hostBefore = options.hostMemory?.();
  let prepared: PreparedCase | undefined;
  let leakedPerRun = 0;
  try {
    prepared = await benchCase.setup({ backend: options.backend, mode: options.mode });
    const active = prepared;
    const coldStart = performance.now();
    const output = await readBack(await active.run());
    row.coldMs = performance.now() - coldStart;
    const measured = active.metrics?.();
    if (measured) row.metrics = { ...(row.metrics ?? {}), ...measured };
    if (options.reference) {
      const tolerance = benchCase.tolerance ?? defaultTolerance;
      row.correctness = compareWithReference(output, options.reference, tolerance, options.referenceBackend);
    }
    if (options.coldOnly) return { row, output };
    const tensorsBeforeTiming = tf.memory().numTensors;
    let runs = 0;
    const samples = await timeWarmRuns(
      async () => {
        runs += 1;
        await readBack(await active.run());
      },
      { ...options.timing, ...benchCase.timing },
    );
    leakedPerRun = runs > 0 ? (tf.memory().numTensors - tensorsBeforeTiming) / runs : 0;
    row.warm = summarizeSamples(samples);
    if (benchCase.flops !== undefined) row.gflops = benchCase.flops / (row.warm.median * 1e6);
    row.status = row.correctness && !row.correctness.ok ? 'wrong' : 'ok';
    if (row.status === 'wrong')
      row.message = `results differ from ${options.referenceBackend ?? 'cpu'}: ${row.correctness?.detail ?? ''}`;
    return { row, output };
  } catch (error) {
    row.status = isCaseUnavailable(error) ? 'skipped' : 'error';
    row.message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { row };
  } finally {
    try {
      prepared?.dispose();
    } catch {
      // a failing dispose shows up as leaked tensors below
    }
    const after = tf.memory();
    row.memory = {
      tensorsLeaked: after.numTensors - before.numTensors,
      tensorsLeakedPerRun: leakedPerRun,
      bytesLeaked: after.numBytes - before.numBytes,
      ...(hostBefore !== undefined && options.hostMemory ? { hostBytesDelta: options.hostMemory() - hostBefore } : {}),
    };
  }
}

/** tinybench: warm-up iterations first, then timed ones; the case budget aborts a slow case early. */
async function timeWarmRuns(run: () => Promise<void>, timing: TimingSettings): Promise<number[]> {
  const bench = new Bench({
    time: timing.timeMs,
    iterations: timing.iterations,
    warmup: timing.warmupIterations > 0,
    warmupIterations: timing.warmupIterations,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
    signal: AbortSignal.timeout(timing.caseBudgetMs),
  });
  bench.add('case', run, { async: true });
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result && 'latency' in result && result.latency.samples && result.latency.samples.length > 0) {
    return [...result.latency.samples];
  }
  // The budget ran out before a timed run finished: time one run on its own.
  const start = performance.now();
  await run();
  return [performance.now() - start];
}

/** The row every outcome starts from: the case's identity on one backend, as an error until measured. */
export function baseRow(benchCase: BenchCase, backend: string): BenchRow {
  return {
    caseId: benchCase.id,
    suite: benchCase.suite,
    title: benchCase.title,
    implementation: benchCase.implementation,
    compareKey: benchCase.compareKey,
    backend,
    params: benchCase.params,
    status: 'error',
    ...(benchCase.flops !== undefined ? { flops: benchCase.flops } : {}),
    ...(benchCase.metrics ? { metrics: benchCase.metrics } : {}),
  };
}
