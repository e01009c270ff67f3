import { assertKnownOptions } from '../../checks/option-keys.js';
import { ArgumentError } from '../../errors/argument-error.js';
import { heatmapStripLayout, type HeatmapStripLayout } from '../../plotting/heatmap-strip-layout.js';
import { layoutPng } from '../../plotting/line-chart-png.js';
import { layoutSvg } from '../../plotting/line-chart.js';
import type { DiagnosticsRecord, WeightSnapshot } from '../diagnostics-record.js';
import { assertDiagnosticsRecord } from './record-checks.js';

/** Options of {@link weightHeatmapStrip}. */
export interface WeightHeatmapStripOptions {
  /** The layer whose snapshots to draw (required). */
  layer: string;
  /** Which of its weights; default 'kernel'. */
  weight?: string;
  /** Which snapshot epochs (the record's 0-based numbers), in any order; default all of them. */
  epochs?: number[];
  title?: string;
  /** Pixels; default width 640, default height as the panels need (at most 320). */
  width?: number;
  height?: number;
}

function available(snapshots: readonly WeightSnapshot[]): string {
  const byWeight = new Map<string, number[]>();
  for (const s of snapshots)
    byWeight.set(`${s.layer}/${s.weight}`, [...(byWeight.get(`${s.layer}/${s.weight}`) ?? []), s.epoch]);
  return [...byWeight].map(([name, epochs]) => `${name} at epochs ${epochs.join(', ')}`).join('; ');
}

/**
 * The strip's layout behind {@link weightHeatmapStrip} and {@link weightHeatmapStripPng} (checks
 * included, errors naming `functionName`); tests use its `cellCentre` to find a weight's pixel.
 *
 * @example
 * const [x, y] = weightHeatmapLayout('test', record, { layer: 'dense_1' }).cellCentre(0, 2, 3);
 *
 * In plain words: where each weight of each epoch lands in the picture.
 */
export function weightHeatmapLayout(
  functionName: string,
  record: DiagnosticsRecord,
  options: WeightHeatmapStripOptions,
): HeatmapStripLayout {
  assertDiagnosticsRecord(functionName, record);
  assertKnownOptions(functionName, 'options', options, ['layer', 'weight', 'epochs', 'title', 'width', 'height']);
  if (options === undefined || typeof options.layer !== 'string')
    throw new ArgumentError(functionName, `expected options.layer to be a layer name, got ${typeof options?.layer}`);
  const { layer, weight = 'kernel', epochs, ...chart } = options;
  if (record.snapshots.length === 0)
    throw new ArgumentError(
      functionName,
      `expected snapshots of layer '${layer}' (${weight}), but the record has none ` +
        '(ask for them: trainingDiagnostics({ snapshot: { layer, weight, epochs } }))',
    );
  const mine = record.snapshots.filter((s) => s.layer === layer && s.weight === weight);
  if (mine.length === 0)
    throw new ArgumentError(
      functionName,
      `expected snapshots of layer '${layer}' (${weight}), got none; the record has ${available(record.snapshots)}`,
    );
  if (epochs !== undefined && (!Array.isArray(epochs) || epochs.length === 0))
    throw new ArgumentError(functionName, 'expected options.epochs to be a non-empty array of epoch numbers');
  const missing = epochs?.filter((e) => !mine.some((s) => s.epoch === e)) ?? [];
  if (missing.length > 0)
    throw new ArgumentError(
      functionName,
      `expected options.epochs among the snapshot epochs of '${layer}' (${weight}): ` +
        `${mine.map((s) => s.epoch).join(', ')}, got ${missing.join(', ')}`,
    );
  const chosen = mine.filter((s) => epochs === undefined || epochs.includes(s.epoch)).sort((a, b) => a.epoch - b.epoch);
  const shape = (chosen[0] as WeightSnapshot).shape;
  const odd = chosen.find((s) => s.shape[0] !== shape[0] || s.shape[1] !== shape[1]);
  if (odd !== undefined)
    throw new ArgumentError(
      functionName,
      `expected every snapshot of '${layer}' (${weight}) to have shape [${shape}], ` +
        `got [${odd.shape}] at epoch ${odd.epoch}`,
    );
  const panels = chosen.map((s) => ({ label: `epoch ${s.epoch}`, values: s.values }));
  return heatmapStripLayout(functionName, shape, panels, { title: `${layer} ${weight}`, ...chart });
}

/**
 * Heat maps of one 2-D weight of a layer at the snapshot epochs, side by side (epoch order, each
 * labelled 'epoch N' with the record's 0-based number), as SVG: one square cell per element
 * (row i of the matrix is the i-th row of cells), one shared symmetric colour scale with white at
 * 0, blue for negative and red for positive weights up to the largest |weight| shown, a colour bar
 * with -limit, 0 and +limit. A matrix larger than its panel is shown in block means (a note says
 * so); NaN and infinite weights are black (a note counts them). For big weights the PNG form is the
 * small one: the SVG has one element per cell. Defaults: width 640, height as the panels need (at
 * most 320), title '<layer> <weight>'.
 *
 * @example
 * writeFileSync('weights.svg', weightHeatmapStrip(diagnostics.record(), { layer: 'dense_1' }));
 *
 * In plain words: watch a weight matrix organise itself (or blow up) from epoch to epoch.
 */
export function weightHeatmapStrip(record: DiagnosticsRecord, options: WeightHeatmapStripOptions): string {
  return layoutSvg(weightHeatmapLayout('weightHeatmapStrip', record, options));
}

/**
 * {@link weightHeatmapStrip} as PNG file bytes (8-bit RGB, core's own encoder): same panels, scale and defaults.
 *
 * @example
 * writeFileSync('weights.png', weightHeatmapStripPng(diagnostics.record(), { layer: 'dense_1', epochs: [0, 4, 9] }));
 *
 * In plain words: the weight heat maps as a picture file.
 */
export function weightHeatmapStripPng(record: DiagnosticsRecord, options: WeightHeatmapStripOptions): Uint8Array {
  return layoutPng(weightHeatmapLayout('weightHeatmapStripPng', record, options));
}
