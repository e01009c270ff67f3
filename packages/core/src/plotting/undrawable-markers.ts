import type { ChartLayout, ChartPrimitive } from './chart-layout.js';
import type { LineSeries } from './chart-input.js';
import { chartRect, chartText } from './chart-text.js';

/**
 * Makes visible the points a line chart cannot draw: NaN and infinite values get a square in
 * their series' colour on the top edge of the plot, values <= 0 on a log axis one on the bottom
 * edge, each at its x; a note in the plot's top-left (or bottom-right) corner, on a white box, counts both kinds.
 * Returns the layout unchanged when every point was drawn. Series colours as drawn (set `color`).
 *
 * @example
 * const layout = markUndrawable(chartLayout(name, series, { logY: true }), series, true);
 *
 * In plain words: a value that cannot be drawn leaves a mark and a word, never a silent gap.
 */
export function markUndrawable(
  layout: ChartLayout,
  series: readonly LineSeries[],
  logY: boolean,
  noteCorner: 'top-left' | 'bottom-right' = 'top-left',
): ChartLayout {
  const markers: ChartPrimitive[] = [];
  let [nonFinite, nonPositive] = [0, 0];
  const { left, top, width, height } = layout.plot;
  series.forEach((s) => {
    s.values.forEach((v, i) => {
      const bad = !Number.isFinite(v) ? 'top' : logY && v <= 0 ? 'bottom' : null;
      if (bad === null) return;
      if (bad === 'top') nonFinite++;
      else nonPositive++;
      const [x] = layout.toPixel(s.x?.[i] ?? i + 1, 1);
      const y = bad === 'top' ? top : top + height;
      markers.push(chartRect('marker', x - 4, y - 4, 8, 8, s.color ?? 'black', 'black'));
    });
  });
  if (markers.length === 0) return layout;
  const parts = [
    ...(nonFinite > 0 ? [`${nonFinite} NaN or infinite (squares on top)`] : []),
    ...(nonPositive > 0 ? [`${nonPositive} <= 0 (squares at the bottom)`] : []),
  ];
  const note = `not drawn: ${parts.join('; ')}`;
  const boxWidth = Math.min(width - 12, 7 * note.length + 8);
  const [boxLeft, boxTop] =
    noteCorner === 'top-left' ? [left + 6, top + 6] : [left + width - 6 - boxWidth, top + height - 22];
  const box = chartRect('note', boxLeft, boxTop, boxWidth, 16, 'white', '#c0c0c0');
  const text = chartText('note', boxLeft + 4, boxTop + 8, note, { baseline: 'middle' });
  return { ...layout, primitives: [...layout.primitives, box, text, ...markers] };
}
