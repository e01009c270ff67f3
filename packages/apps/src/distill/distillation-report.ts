import { ArgumentError, assertKnownOptions, type Layer } from '@baihua/core';
import { backendLatency, latencyOptionKeys, type LatencyOptions } from './backend-latency.js';
import { classifierAccuracy } from './classifier-accuracy.js';
import { checkLabelledImages, type LabelledImages } from './distill-options.js';

/** One model of a {@link distillationReport}: a name, the model, and its held-out digits in its own input layout. */
export interface ReportEntry {
  name: string;
  model: Layer;
  test: LabelledImages;
}

/** One row of the report: parameters (core's countParams), test accuracy in [0, 1], ms per batch by backend. */
export interface ReportRow {
  name: string;
  parameters: number;
  accuracy: number;
  msPerBatch: Record<string, number>;
}

/** What {@link distillationReport} returns. */
export interface DistillationFigures {
  rows: ReportRow[];
  /** Backends timed, in order; those that could not start here are in `skipped` with the reason. */
  backends: string[];
  skipped: { backend: string; reason: string }[];
  batchSize: number;
}

/**
 * Compares models side by side, as compression is judged: parameter count, accuracy on each
 * model's held-out images (on the active backend), and inference latency per backend (ms per batch
 * of `batchSize` rows, median after a warm-up; see {@link backendLatency}). Options as
 * backendLatency's: backends (default cpu, wasm, webgpu), batchSize 64, warmup 3, repeats 10.
 *
 * @example
 * const report = await distillationReport([
 *   { name: 'teacher', model: lenet, test: lenetTest }, { name: 'student', model: mlp, test: mlpTest },
 * ], { backends: ['wasm'] });
 * console.log(formatDistillationReport(report));
 *
 * In plain words: how big, how right and how fast each model is, in one table.
 */
export async function distillationReport(
  entries: readonly ReportEntry[],
  options: LatencyOptions = {},
): Promise<DistillationFigures> {
  const fn = 'distillationReport';
  assertKnownOptions(fn, 'options', options, latencyOptionKeys);
  if (!Array.isArray(entries) || entries.length === 0)
    throw new ArgumentError(
      fn,
      `expected entries to be a non-empty list of { name, model, test }, got ${String(entries)}`,
    );
  for (const [i, entry] of entries.entries()) {
    if (typeof entry?.model?.apply !== 'function' || typeof entry.model.countParams !== 'function')
      throw new ArgumentError(fn, `expected entries[${i}].model to be a core model, got ${typeof entry?.model}`);
    checkLabelledImages(fn, `entries[${i}].test`, entry.test);
  }
  const accuracies: number[] = [];
  for (const { model, test } of entries) accuracies.push(await classifierAccuracy(fn, (x) => model.apply(x), test));
  const latency = await backendLatency(
    entries.map(({ model, test }) => ({ model, x: test.x })),
    options,
  );
  const backends = Object.keys(latency.msPerBatch);
  const rows = entries.map(({ name, model }, i) => ({
    name,
    parameters: model.countParams(),
    accuracy: accuracies[i] as number,
    msPerBatch: Object.fromEntries(backends.map((b) => [b, latency.msPerBatch[b]?.[i] as number])),
  }));
  return { rows, backends, skipped: latency.skipped, batchSize: options.batchSize ?? 64 };
}

/**
 * The report as a Markdown table: `| model | parameters | accuracy | <backend> ms/batch | ... |`,
 * accuracy as a percentage with two decimals, latency with two decimals; skipped backends listed under it.
 *
 * @example console.log(formatDistillationReport(await distillationReport(entries)));
 *
 * In plain words: the comparison, ready to paste into a README.
 */
export function formatDistillationReport(report: DistillationFigures): string {
  const head = [
    'model',
    'parameters',
    'accuracy',
    ...report.backends.map((b) => `${b} ms / batch of ${report.batchSize}`),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of report.rows) {
    const cells = [
      row.name,
      row.parameters.toLocaleString('en-US'),
      `${(100 * row.accuracy).toFixed(2)}%`,
      ...report.backends.map((b) => (row.msPerBatch[b] as number).toFixed(2)),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  for (const { backend, reason } of report.skipped) lines.push('', `${backend}: not timed (${reason})`);
  return lines.join('\n');
}
