import { chartLayout, type ChartLayout, type ChartPrimitive } from './chart-layout.js';
import type { LineChartOptions, LineSeries } from './chart-input.js';
import { escapeXml } from './escape-xml.js';

export type { LineChartOptions, LineSeries } from './chart-input.js';

/** Coordinates that came from the data get one decimal; layout constants are written as they are. */
function coordinate(value: number, fromData: boolean): string {
  return fromData ? value.toFixed(1) : String(value);
}

/** Roles whose SVG elements carry a class (the diagnostics charts' parts; plain line charts have none: unchanged). */
const classedRoles: ReadonlySet<string> = new Set(['marker', 'note', 'cell', 'bar', 'colorBar']);

function svgElement(p: ChartPrimitive): string {
  switch (p.kind) {
    case 'rect': {
      const position = p.x === 0 && p.y === 0 ? '' : `x="${p.x}" y="${p.y}" `;
      const paint = `fill="${escapeXml(p.fill ?? 'none')}"${p.stroke ? ` stroke="${escapeXml(p.stroke)}"` : ''}`;
      return `<rect ${position}width="${p.width}" height="${p.height}" ${paint}/>`;
    }
    case 'line': {
      const [x1, x2] = [p.x1, p.x2].map((v) => coordinate(v, p.mapped === 'x'));
      const [y1, y2] = [p.y1, p.y2].map((v) => coordinate(v, p.mapped === 'y'));
      const width = p.lineWidth === 1 ? '' : ` stroke-width="${p.lineWidth}"`;
      return `<line x1="${x1}" x2="${x2}" y1="${y1}" y2="${y2}" stroke="${escapeXml(p.color)}"${width}/>`;
    }
    case 'polyline': {
      const d = p.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
      return `<path d="${d}" fill="none" stroke="${escapeXml(p.color)}" stroke-width="${p.lineWidth}"/>`;
    }
    case 'text': {
      const position =
        p.rotation === 0
          ? `x="${coordinate(p.x, p.mapped === 'x')}" y="${coordinate(p.y, p.mapped === 'y')}"`
          : `transform="translate(${p.x} ${p.y}) rotate(${p.rotation})"`;
      const anchor = p.anchor === 'start' ? '' : ` text-anchor="${p.anchor}"`;
      const baseline = p.baseline === 'middle' ? ' dominant-baseline="middle"' : '';
      const size = p.fontSize === 12 ? '' : ` font-size="${p.fontSize}"`;
      const fill = p.color === 'black' ? '' : ` fill="${escapeXml(p.color)}"`;
      return `<text ${position}${anchor}${baseline}${size}${fill}>${escapeXml(p.text)}</text>`;
    }
  }
}

/**
 * {@link lineChartSvg} with errors reported as `functionName`'s (for wrappers such as plotHistory).
 *
 * @example
 * chartSvg('plotHistory', series, { title: 'Loss' });
 *
 * In plain words: the SVG drawing itself, shared by every function that makes one.
 */
export function chartSvg(functionName: string, series: readonly LineSeries[], options: LineChartOptions): string {
  return layoutSvg(chartLayout(functionName, series, options));
}

/**
 * Writes any chart layout (line, bar, heat map) as a self-contained SVG document: one element per primitive.
 *
 * @example
 * const svg = layoutSvg(chartLayout('lineChartSvg', [{ name: 'loss', values: [2, 1] }]));
 *
 * In plain words: the planned picture as SVG text.
 */
export function layoutSvg(layout: Pick<ChartLayout, 'width' | 'height' | 'primitives'>): string {
  const { width, height } = layout;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      'font-family="sans-serif" font-size="12">',
    ...layout.primitives.map((p) =>
      classedRoles.has(p.role) ? svgElement(p).replace(/^<(\w+) /, `<$1 class="${p.role}" `) : svgElement(p),
    ),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

/**
 * A self-contained SVG line chart (no dependencies): axes with ticks, one polyline per series,
 * a legend. Non-finite values are skipped (the line joins their neighbours). Defaults: 640 x 400
 * pixels, linear y axis, series colours from a fixed palette; the layout is {@link chartLayout}'s.
 *
 * @example
 * writeFileSync('loss.svg', lineChartSvg([{ name: 'loss', values: [2.3, 0.9, 0.4] }], { title: 'Training loss' }));
 *
 * In plain words: draw the numbers as lines so you can see at a glance whether they go down.
 */
export function lineChartSvg(series: readonly LineSeries[], options: LineChartOptions = {}): string {
  return chartSvg('lineChartSvg', series, options);
}
