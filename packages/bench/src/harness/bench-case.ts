import type * as tf from '@tensorflow/tfjs-core';
import type { TimingSettings } from './bench-report.js';

/** The suites a case can belong to. */
export type SuiteName = 'ops' | 'models' | 'seed';

/**
 * Whose implementation a row measures: baihua's own, stock TensorFlow.js (the baseline), or a peer
 * runtime: ONNX Runtime's native CPU build ('ort-node') or its web build's wasm in Node ('ort-wasm').
 */
export type Implementation = 'ours' | 'stock' | 'ort-node' | 'ort-wasm';

/** How large a run is: `quick` is the default `pnpm bench`, `full` is `--full`. */
export type BenchMode = 'quick' | 'full';

/** Absolute and relative tolerance of the correctness check: max|a-e| <= atol + rtol * max|e|. */
export interface Tolerance {
  rtol: number;
  atol: number;
}

/** What a case's `setup` gets: where it runs and how large the run is. */
export interface CaseContext {
  backend: string;
  mode: BenchMode;
}

/**
 * One prepared measurement on the active backend: `run` does the work once and returns the result
 * tensors (the harness reads them back to the host, which is part of the timing, then disposes
 * them); `dispose` frees what `setup` made.
 */
export interface PreparedCase {
  run(): tf.Tensor | tf.Tensor[] | Promise<tf.Tensor | tf.Tensor[]>;
  dispose(): void;
  /** Values measured by the cold run that are not timings (e.g. gradient retention), merged into the row's metrics. */
  metrics?(): Record<string, number>;
}

/**
 * One benchmark case. Cases are plain objects listed in a suite's `cases.ts`; each runs on every
 * selected backend, and its results are checked against the cpu backend's.
 *
 * In plain words: one piece of work, described once, timed everywhere.
 */
export interface BenchCase {
  /** Unique id, e.g. `ops/matMul/256/stock`. */
  id: string;
  suite: SuiteName;
  /** Short human name shown in tables, e.g. `matMul 256x256x256`. */
  title: string;
  implementation: Implementation;
  /** Rows with the same key are the same work: the ours/stock ratio compares them. */
  compareKey: string;
  /** Floating-point operations of one run, when known (gives GFLOP/s). */
  flops?: number;
  /** Shapes and settings, recorded in the JSON. */
  params: Record<string, number | string | boolean>;
  /** Values that are not timings (parameter counts, gradient retention), recorded as they are. */
  metrics?: Record<string, number>;
  /** Backends this case is not run on, with the reason (shown in the report). */
  skip?: Partial<Record<string, string>>;
  /** Default: rtol 1e-3, atol 1e-4. */
  tolerance?: Tolerance;
  /**
   * Overrides of the run's timing for this case, e.g. fewer repetitions for a row that takes
   * seconds (`{ warmupIterations: 0, iterations: 1 }`: the cold run and one timed run).
   */
  timing?: Partial<TimingSettings>;
  /** Creates inputs and weights on the active backend, from seeded data (same on every backend). */
  setup(context: CaseContext): PreparedCase | Promise<PreparedCase>;
}

/** A suite: its cases for one mode (quick cases are a subset or smaller sizes of full ones). */
export interface BenchSuite {
  name: SuiteName;
  description: string;
  cases(mode: BenchMode): BenchCase[];
}
