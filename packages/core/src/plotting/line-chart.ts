import { ArgumentError } from '../errors/argument-error.js';

/** One line of a chart: a name for the legend and its y values at x = 1, 2, 3, ... (or `x`). */
export interface LineSeries {
  name: string;
  values: readonly number[];
  /** x positions; default 1..n. */
  x?: readonly number[];
  /** CSS colour; default from a fixed palette. */
  color?: string;
}

/** Options of {@link lineChartSvg}. */
export interface LineChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Pixels. Defaults 640 x 400. */
  width?: number;
  height?: number;
  /** Logarithmic y axis (values <= 0 are skipped). Default false. */
  logY?: boolean;
}

const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function niceTicks(min: number, max: number, count: number): number[] {
  if (min === max) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function formatTick(value: number): string {
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(1) : String(Number(value.toPrecision(4)));
}

/**
 * A self-contained SVG line chart (no dependencies): axes with ticks, one polyline per series,
 * a legend. Non-finite values break a line rather than distort it.
 *
 * @example
 * writeFileSync('loss.svg', lineChartSvg([{ name: 'loss', values: [2.3, 0.9, 0.4] }], { title: 'Training loss' }));
 *
 * In plain words: draw the numbers as lines so you can see at a glance whether they go down.
 */
export function lineChartSvg(series: readonly LineSeries[], options: LineChartOptions = {}): string {
  if (!Array.isArray(series) || series.length === 0) throw new ArgumentError('lineChartSvg', 'expected at least one series');
  const { title = '', xLabel = '', yLabel = '', width = 640, height = 400, logY = false } = options;
  const margin = { left: 64, right: 16, top: title ? 36 : 16, bottom: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const toY = (v: number) => (logY ? Math.log10(v) : v);
  const points = series.map((s: LineSeries) => s.values.map((v: number, i: number) => [s.x?.[i] ?? i + 1, v] as [number, number]).filter(([x, v]: [number, number]) => Number.isFinite(x) && Number.isFinite(v) && (!logY || v > 0)));
  const all = points.flat();
  if (all.length === 0) throw new ArgumentError('lineChartSvg', 'expected at least one finite value to plot');
  const xs = all.map(([x]) => x);
  const ys = all.map(([, v]) => toY(v));
  let [xMin, xMax, yMin, yMax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (xMin === xMax) [xMin, xMax] = [xMin - 1, xMax + 1];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const px = (x: number) => margin.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const py = (y: number) => margin.top + plotH - ((y - yMin) / (yMax - yMin)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  if (title) parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`);
  for (const t of niceTicks(yMin, yMax, 5)) {
    const y = py(t).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${formatTick(logY ? 10 ** t : t)}</text>`);
  }
  for (const t of niceTicks(xMin, xMax, 8)) {
    const x = px(t).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 4}" stroke="black"/>`);
    parts.push(`<text x="${x}" y="${margin.top + plotH + 16}" text-anchor="middle">${formatTick(t)}</text>`);
  }
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="black"/>`);
  if (xLabel) parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  if (yLabel) parts.push(`<text transform="translate(14 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}${logY ? ' (log)' : ''}</text>`);
  series.forEach((s, k) => {
    const color = s.color ?? (palette[k % palette.length] as string);
    const d = (points[k] as [number, number][]).map(([x, v], i) => `${i === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(toY(v)).toFixed(1)}`).join(' ');
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${escapeXml(color)}" stroke-width="2"/>`);
    const ly = margin.top + 14 + 16 * k;
    parts.push(`<line x1="${margin.left + plotW - 120}" x2="${margin.left + plotW - 100}" y1="${ly}" y2="${ly}" stroke="${escapeXml(color)}" stroke-width="2"/>`);
    parts.push(`<text x="${margin.left + plotW - 94}" y="${ly}" dominant-baseline="middle">${escapeXml(s.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
