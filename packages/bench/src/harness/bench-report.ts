import type { BackendReport } from '@baihua/core';
import type { BenchMode, Implementation, SuiteName } from './bench-case.js';
import type { CorrectnessCheck } from './correctness.js';
import type { SampleSummary } from './statistics.js';

/** The value of `schema` in every report this version writes. */
export const benchReportSchemaId = 'baihua-bench/1';

/** How each row was timed. */
export interface TimingSettings {
  /** tinybench `time`: minimum time of the timed phase, ms. */
  timeMs: number;
  /** tinybench `iterations`: minimum timed runs. */
  iterations: number;
  /** tinybench warm-up runs (after the cold run, before timing). */
  warmupIterations: number;
  /** The timed phase stops after this long even if `iterations` were not reached, ms. */
  caseBudgetMs: number;
}

/** Tensor and memory accounting of one row. */
export interface MemoryDelta {
  /** tf.memory().numTensors after setup, all runs and dispose, minus before setup. */
  tensorsLeaked: number;
  /** Growth of tf.memory().numTensors per warm run (0 when runs free everything they make). */
  tensorsLeakedPerRun: number;
  /** tf.memory().numBytes after dispose minus before setup. */
  bytesLeaked: number;
  /** Host memory (RSS in Node) after the row minus before; absent where unknown. */
  hostBytesDelta?: number;
}

/** One case on one backend. */
export interface BenchRow {
  caseId: string;
  suite: SuiteName;
  title: string;
  implementation: Implementation;
  compareKey: string;
  backend: string;
  params: Record<string, number | string | boolean>;
  /**
   * ok: timed and correct; wrong: timed but results differ from the reference backend's (cpu by
   * default); error: threw; skipped: not run here.
   */
  status: 'ok' | 'wrong' | 'error' | 'skipped';
  /** Why it errored or was skipped. */
  message?: string;
  /** First run on a fresh setup (kernel compilation, allocation), ms, readback included. */
  coldMs?: number;
  /** Warm runs, ms, readback included. */
  warm?: SampleSummary;
  flops?: number;
  /** flops / warm median. */
  gflops?: number;
  metrics?: Record<string, number>;
  correctness?: CorrectnessCheck;
  memory?: MemoryDelta;
  /** warm median / the same case's cpu median (lower is faster). */
  vsCpu?: number;
  /** ours warm median / stock warm median on the same backend (lower is faster); on 'ours' rows. */
  vsStock?: number;
  /** ours warm median / each ONNX Runtime peer's ('ort-node', 'ort-wasm'; timed once, on cpu); on 'ours' rows. */
  vsOrt?: Record<string, number>;
}

/** Where the run happened. */
export interface BenchEnvironment {
  /** From describeBackends(): runtime, and each backend's availability and capabilities. */
  backends: BackendReport;
  node?: string;
  platform?: string;
  cpuModel?: string;
  cpuCores?: number;
  totalMemoryBytes?: number;
  /** GLIBC_TUNABLES if set (it changes allocation costs; see TFJS-NOTES). */
  glibcTunables?: string;
}

/** A whole run, as written to results/.../report.json. */
export interface BenchReport {
  schema: typeof benchReportSchemaId;
  createdAt: string;
  mode: BenchMode;
  suites: SuiteName[];
  backends: string[];
  timing: TimingSettings;
  wallMs: number;
  /** The backend each row was checked against when not cpu (`--reference`). */
  referenceBackend?: string;
  environment: BenchEnvironment;
  rows: BenchRow[];
}
