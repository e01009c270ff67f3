import type { ChartPrimitive, ChartRole } from './chart-layout.js';

/** A text primitive's placement beyond its position (defaults: black 12 px, start-anchored, alphabetic, upright). */
export type ChartTextPlacement = Partial<Omit<Extract<ChartPrimitive, { kind: 'text' }>, 'kind' | 'role' | 'text'>>;

/**
 * A text primitive at (x, y): black, 12 px, anchored at its start on the alphabetic baseline unless
 * `placement` says otherwise.
 *
 * @example
 * chartText('tickLabel', 100, 20, 'dense_1', { anchor: 'middle' });
 *
 * In plain words: one word of the picture, and where it goes.
 */
export function chartText(
  role: ChartRole,
  x: number,
  y: number,
  text: string,
  placement: ChartTextPlacement = {},
): ChartPrimitive {
  return {
    kind: 'text',
    role,
    x,
    y,
    text,
    color: 'black',
    fontSize: 12,
    anchor: 'start',
    baseline: 'alphabetic',
    rotation: 0,
    mapped: null,
    ...placement,
  };
}

/**
 * A filled (and optionally outlined) rectangle primitive, its position and size rounded to 0.1 px
 * so the SVG stays short.
 *
 * @example
 * chartRect('bar', 70.25, 40, 12, 300, '#1f77b4'); // x 70.3
 *
 * In plain words: one box of the picture.
 */
export function chartRect(
  role: ChartRole,
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string | null,
  stroke: string | null = null,
): ChartPrimitive {
  const round = (v: number) => Math.round(v * 10) / 10;
  return { kind: 'rect', role, x: round(x), y: round(y), width: round(width), height: round(height), fill, stroke };
}
