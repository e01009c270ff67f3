import * as tf from '@tensorflow/tfjs-core';
import { describeBackends, useBackend } from '@baihua/core';
import type { BenchCase, BenchMode, BenchSuite } from './bench-case.js';
import {
  benchReportSchemaId,
  type BenchEnvironment,
  type BenchReport,
  type BenchRow,
  type TimingSettings,
} from './bench-report.js';
import { installChainedTensorMethods } from './chained-tensor-methods.js';
import type { HostTensor } from './correctness.js';
import { addOrtRatios } from '../ort/ort-ratios.js';
import { addRatios } from './ratios.js';
import { baseRow, runCaseOnBackend } from './run-case.js';

/** Progress of a run, for a progress bar or log lines. */
export interface BenchProgress {
  done: number;
  total: number;
  row?: BenchRow;
  /** What is about to run. */
  next?: { caseId: string; title: string; backend: string };
}

/** Options of {@link runBench}. */
export interface RunBenchOptions {
  suites: BenchSuite[];
  /** Requested backends; unavailable ones get 'skipped' rows with the reason. */
  backends: string[];
  mode: BenchMode;
  timing: TimingSettings;
  /** Runs only cases whose id or title contains this text (case-insensitive). */
  filter?: string;
  /** The backend every row's results are checked against (default cpu); run first, untimed if not requested. */
  reference?: string;
  /** Extra environment facts the caller knows (Node version, CPU model...). */
  environment?: Omit<BenchEnvironment, 'backends'>;
  hostMemory?: () => number;
  onProgress?: (progress: BenchProgress) => void;
}

/** Quick default: short, time-boxed rows so the whole default run stays under 3 minutes on 2 cores. */
export const quickTiming: TimingSettings = { timeMs: 300, iterations: 3, warmupIterations: 1, caseBudgetMs: 1_000 };
/** `--full`: longer timing for steadier numbers. */
export const fullTiming: TimingSettings = { timeMs: 1_000, iterations: 10, warmupIterations: 3, caseBudgetMs: 20_000 };

/**
 * Runs every case of the given suites on every requested backend, the reference backend first (cpu
 * unless `reference` says otherwise; its results check every other backend's, and it is run untimed
 * when not requested), and returns the report. All
 * stock cases run before any of ours; rows are reported in the suites' order.
 *
 * @example
 * const report = await runBench({ suites: [opsSuite], backends: ['cpu', 'wasm'], mode: 'quick', timing: quickTiming });
 *
 * In plain words: the same work on every backend, each answer checked against the reference's.
 */
export async function runBench(options: RunBenchOptions): Promise<BenchReport> {
  const started = performance.now();
  installChainedTensorMethods();
  const description = await describeBackends();
  const unavailable = new Map<string, string>();
  const known = new Map(description.backends.map((backend) => [backend.name as string, backend]));
  const referenceBackend = options.reference ?? 'cpu';
  for (const name of [referenceBackend, ...options.backends]) {
    const described = known.get(name);
    if (described && !described.available) unavailable.set(name, described.reason ?? 'unavailable');
  }
  const order = [referenceBackend, ...options.backends.filter((name) => name !== referenceBackend)];
  const timedBackends = order.filter((name) => options.backends.includes(name));
  const listed = options.suites
    .flatMap((suite) => suite.cases(options.mode))
    .filter((c) => matchesFilter(c, options.filter));
  // Stock rows first: importing a baihua area package can change tfjs process-wide (@baihua/cnn
  // registers wasm kernels and an exact MaxPool gradient), and stock rows must measure plain tfjs.
  const cases = [
    ...listed.filter((c) => c.implementation === 'stock'),
    ...listed.filter((c) => c.implementation !== 'stock'),
  ];
  const rows: BenchRow[] = [];
  const total = cases.length * timedBackends.length;
  const initialised = new Set<string>();
  for (const benchCase of cases) {
    let reference: HostTensor[] | undefined;
    for (const backend of order) {
      const timed = timedBackends.includes(backend);
      if (!timed && backend !== referenceBackend) continue;
      const skipReason = unavailable.get(backend) ?? benchCase.skip?.[backend];
      if (skipReason !== undefined) {
        if (timed) pushRow(skippedRow(benchCase, backend, skipReason));
        continue;
      }
      if (timed)
        options.onProgress?.({
          done: rows.length,
          total,
          next: { caseId: benchCase.id, title: benchCase.title, backend },
        });
      const activation = await activate(backend, initialised, unavailable);
      if (activation !== undefined) {
        if (timed) pushRow(skippedRow(benchCase, backend, activation));
        continue;
      }
      const outcome = await runCaseOnBackend(benchCase, {
        backend,
        mode: options.mode,
        timing: options.timing,
        ...(backend === referenceBackend ? {} : reference ? { reference, referenceBackend } : {}),
        ...(options.hostMemory ? { hostMemory: options.hostMemory } : {}),
        coldOnly: !timed,
      });
      if (backend === referenceBackend) reference = outcome.output;
      if (backend !== referenceBackend && !reference && outcome.row.status === 'ok') {
        const referenceSkip = benchCase.skip?.[referenceBackend];
        outcome.row.message = referenceSkip
          ? `not checked: this case does not run on ${referenceBackend} (${referenceSkip})`
          : `not checked: the ${referenceBackend} reference failed`;
      }
      if (timed) pushRow(outcome.row);
    }
  }
  options.onProgress?.({ done: rows.length, total });
  return {
    schema: benchReportSchemaId,
    createdAt: new Date().toISOString(),
    mode: options.mode,
    suites: options.suites.map((suite) => suite.name),
    backends: timedBackends,
    timing: options.timing,
    wallMs: performance.now() - started,
    ...(referenceBackend === 'cpu' ? {} : { referenceBackend }),
    environment: { ...(options.environment ?? {}), backends: description },
    rows: addOrtRatios(addRatios(inListedOrder(rows, listed))),
  };

  function pushRow(row: BenchRow): void {
    rows.push(row);
    options.onProgress?.({ done: rows.length, total, row });
  }
}

/** Rows back in the order the suites list their cases (cpu, then the other backends, per case). */
function inListedOrder(rows: BenchRow[], listed: BenchCase[]): BenchRow[] {
  const position = new Map(listed.map((benchCase, index) => [benchCase.id, index]));
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (position.get(a.row.caseId) ?? 0) - (position.get(b.row.caseId) ?? 0) || a.index - b.index)
    .map(({ row }) => row);
}

function matchesFilter(benchCase: BenchCase, filter: string | undefined): boolean {
  if (!filter) return true;
  const text = filter.toLowerCase();
  return benchCase.id.toLowerCase().includes(text) || benchCase.title.toLowerCase().includes(text);
}

async function activate(
  backend: string,
  initialised: Set<string>,
  unavailable: Map<string, string>,
): Promise<string | undefined> {
  if (unavailable.has(backend)) return unavailable.get(backend);
  try {
    if (!initialised.has(backend)) {
      await useBackend(backend);
      initialised.add(backend);
    } else if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) {
      throw new Error(`tf.setBackend('${backend}') returned false`);
    }
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error);
    unavailable.set(backend, reason);
    return reason;
  }
}

function skippedRow(benchCase: BenchCase, backend: string, reason: string): BenchRow {
  return { ...baseRow(benchCase, backend), status: 'skipped', message: reason };
}
