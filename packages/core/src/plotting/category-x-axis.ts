import type { ChartLayout, ChartPrimitive } from './chart-layout.js';
import { chartText } from './chart-text.js';

/** A label centred under its tick, or kept inside the picture (flush with its edge) when it would stick out. */
function labelText(x: number, y: number, label: string, width: number): ChartPrimitive {
  const half = (7 * label.length) / 2;
  if (x - half < 2) return chartText('tickLabel', 2, y, label, { mapped: 'x' });
  if (x + half > width - 2) return chartText('tickLabel', width - 2, y, label, { anchor: 'end', mapped: 'x' });
  return chartText('tickLabel', x, y, label, { anchor: 'middle', mapped: 'x' });
}

/**
 * Replaces a line chart's numeric x ticks with named ones: a tick and its label at each x = 1..n
 * (the n labels in order). When the names are wider than their spacing (about 6 px a character),
 * every other label moves down one line so neighbours do not overlap; a label that would stick out of
 * the picture is set flush with its edge.
 *
 * @example
 * const layout = labelXAxis(chartLayout('gradientFlowChart', series, options), ['dense_1', 'dense_2']);
 *
 * In plain words: call the positions along the bottom by their names instead of 1, 2, 3.
 */
export function labelXAxis(layout: ChartLayout, labels: readonly string[]): ChartLayout {
  const kept = layout.primitives.filter(
    (p) => p.role !== 'tick' && !(p.role === 'tickLabel' && p.kind === 'text' && p.mapped === 'x'),
  );
  const bottom = layout.plot.top + layout.plot.height;
  const spacing = labels.length > 1 ? layout.toPixel(2, 1)[0] - layout.toPixel(1, 1)[0] : Infinity;
  const stagger = Math.max(...labels.map((l) => l.length)) * 6 + 6 > spacing;
  const ticks = labels.flatMap((label, k) => {
    const [x] = layout.toPixel(k + 1, 1);
    return [
      {
        kind: 'line',
        role: 'tick',
        x1: x,
        x2: x,
        y1: bottom,
        y2: bottom + 4,
        color: 'black',
        lineWidth: 1,
        mapped: 'x',
      } as const,
      labelText(x, bottom + 16 + (stagger && k % 2 === 1 ? 12 : 0), label, layout.width),
    ];
  });
  const frame = kept.findIndex((p) => p.role === 'frame');
  return { ...layout, primitives: [...kept.slice(0, frame), ...ticks, ...kept.slice(frame)] };
}
