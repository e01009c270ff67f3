import { assertKnownOptions } from '../checks/option-keys.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { assertChartSize } from './chart-input.js';
import type { ChartLayout, ChartPrimitive } from './chart-layout.js';
import { chartRect, chartText } from './chart-text.js';
import { formatTick } from './chart-ticks.js';
import { divergingColour } from './diverging-colour.js';
import { blockMeans } from './heatmap-blocks.js';

/** One heat map of a strip: its label (under it) and a rows x cols matrix, row-major. */
export interface HeatmapPanel {
  label: string;
  values: readonly number[];
}

/** Options of {@link heatmapStripLayout}. Default width 640; default height: the panels' (at most 320). */
export interface HeatmapStripOptions {
  title?: string;
  width?: number;
  height?: number;
}

/** A heat map strip's layout, with the colour scale's limit and where each matrix element is drawn. */
export interface HeatmapStripLayout extends ChartLayout {
  /** The colour scale runs from -limit (darkest blue) through 0 (white) to +limit (darkest red). */
  limit: number;
  /** Each drawn cell shows the mean of a block x block square of elements (1 when the matrix fits). */
  block: number;
  /** A drawn cell's side in pixels. */
  cell: number;
  /** The pixel at the centre of the cell showing element (row, col) of panel `panel`. */
  cellCentre(panel: number, row: number, col: number): [number, number];
}

const margin = { left: 16, right: 88, bottom: 42 };
const gap = 16;

/**
 * Lays out heat maps of same-shaped matrices side by side with one shared diverging colour scale
 * ({@link divergingColour}, symmetric: limit = the largest |value| shown) and a colour bar on the
 * right labelled -limit, 0, +limit. Each panel is framed and labelled underneath. Cells are square,
 * whole pixels; a matrix bigger than its panel is shown in block x block means. NaN and infinite
 * elements are black; notes under the strip say so and name the block size. Without a height, the
 * picture is only as tall as the panels need (at most 320 px).
 *
 * @example
 * const layout = heatmapStripLayout('weightHeatmapStrip', [2, 3], [
 *   { label: 'epoch 1', values: [1, 0, -1, 0.5, 0, 0] },
 *   { label: 'epoch 2', values: [2, 0, -2, 1, 0, 0] },
 * ], { title: 'dense/kernel' });
 *
 * In plain words: paint each matrix as a grid of coloured squares (red positive, blue negative) to see it change.
 */
export function heatmapStripLayout(
  functionName: string,
  shape: readonly [number, number],
  panels: readonly HeatmapPanel[],
  options: HeatmapStripOptions = {},
): HeatmapStripLayout {
  assertKnownOptions(functionName, 'options', options, ['title', 'width', 'height']);
  const [rows, cols] = shape;
  assertPositiveInteger(functionName, 'rows', rows);
  assertPositiveInteger(functionName, 'columns', cols);
  if (panels.length === 0) throw new ArgumentError(functionName, 'expected at least one heat map');
  panels.forEach((p, k) => {
    if (!Array.isArray(p.values) || p.values.length !== rows * cols)
      throw new ArgumentError(
        functionName,
        `expected heat map ${k} (${p.label}) to have ${rows} x ${cols} = ${rows * cols} values, ` +
          `got ${Array.isArray(p.values) ? p.values.length : typeof p.values}`,
      );
  });
  const { title = '', width = 640 } = options;
  const n = panels.length;
  assertChartSize(functionName, options, { ...margin, right: margin.right + (n - 1) * (gap + 16) });
  const top = title ? 36 : 16;
  const slot = Math.floor((width - margin.left - margin.right - gap * (n - 1)) / n);
  const panelHeight = (options.height ?? 320) - top - margin.bottom;
  const block = Math.max(1, Math.ceil(cols / slot), Math.ceil(rows / panelHeight));
  const shown = panels.map((p) => blockMeans(p.values, rows, cols, block));
  const [shownRows, shownCols] = [Math.ceil(rows / block), Math.ceil(cols / block)];
  const cell = Math.max(1, Math.floor(Math.min(slot / shownCols, panelHeight / shownRows)));
  const [pw, ph] = [shownCols * cell, shownRows * cell];
  const height = options.height ?? top + ph + margin.bottom;
  let limit = 0;
  for (const grid of shown) for (const v of grid) if (Number.isFinite(v)) limit = Math.max(limit, Math.abs(v));
  if (limit === 0) limit = 1;
  const left = (k: number) => margin.left + k * (slot + gap) + Math.floor((slot - pw) / 2);
  const primitives: ChartPrimitive[] = [chartRect('background', 0, 0, width, height, 'white')];
  if (title) primitives.push(chartText('title', width / 2, 22, title, { anchor: 'middle', fontSize: 15 }));
  shown.forEach((grid, k) => {
    const x0 = left(k);
    grid.forEach((v, i) => {
      const [r, c] = [Math.floor(i / shownCols), i % shownCols];
      primitives.push(chartRect('cell', x0 + c * cell, top + r * cell, cell, cell, divergingColour(v, limit)));
    });
    primitives.push(chartRect('frame', x0 - 1, top - 1, pw + 1, ph + 1, null, '#808080'));
    primitives.push(
      chartText('tickLabel', x0 + pw / 2, top + ph + 16, (panels[k] as HeatmapPanel).label, { anchor: 'middle' }),
    );
  });
  const barLeft = width - margin.right + 16;
  const bands = Math.min(ph, 100);
  for (let i = 0; i < bands; i++) {
    const value = limit * (1 - (2 * (i + 0.5)) / bands);
    primitives.push(
      chartRect('colorBar', barLeft, top + (i * ph) / bands, 12, ph / bands, divergingColour(value, limit)),
    );
  }
  primitives.push(chartRect('frame', barLeft - 1, top - 1, 13, ph + 1, null, '#808080'));
  for (const [value, y] of [
    [limit, top],
    [0, top + ph / 2],
    [-limit, top + ph],
  ] as const)
    primitives.push(chartText('tickLabel', barLeft + 16, y, formatTick(value), { baseline: 'middle' }));
  const nonFinite = panels.reduce((sum, p) => sum + p.values.filter((v) => !Number.isFinite(v)).length, 0);
  const notes = [
    ...(block > 1 ? [`each cell: mean of ${block} x ${block} values`] : []),
    ...(nonFinite > 0 ? [`black: ${nonFinite} NaN or infinite values`] : []),
  ];
  if (notes.length > 0) primitives.push(chartText('note', margin.left, height - 8, notes.join('; ')));
  return {
    width,
    height,
    plot: { left: left(0), top, width: left(n - 1) + pw - left(0), height: ph },
    toPixel: (x, y) => [left(0) + x * cell, top + y * cell],
    primitives,
    limit,
    block,
    cell,
    cellCentre: (k, row, col) => [
      left(k) + Math.floor(col / block) * cell + cell / 2,
      top + Math.floor(row / block) * cell + cell / 2,
    ],
  };
}
