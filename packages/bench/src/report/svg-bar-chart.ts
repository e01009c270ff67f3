import { escapeXml } from '@baihua/core';

/** One group of bars (one case), one bar per series (backend). */
export interface BarGroup {
  label: string;
  bars: Array<{ series: string; value: number; note?: string }>;
}

/** A horizontal grouped bar chart. */
export interface BarChartSpec {
  title: string;
  subtitle?: string;
  /** Axis label, e.g. 'runs per second (log scale)'. */
  unit: string;
  series: string[];
  groups: BarGroup[];
  logScale?: boolean;
  /** Draws a reference line at this value (e.g. 1 for ratios). */
  referenceLine?: number;
}

const palette = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1'];
const width = 960;
const labelWidth = 330;
const plotWidth = width - labelWidth - 90;
const barHeight = 14;
const groupGap = 10;
const top = 64;

function formatTick(value: number): string {
  if (value >= 1000 || value < 0.01) return value.toExponential(0).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/**
 * Draws a horizontal grouped bar chart as a standalone SVG document, with no dependencies:
 * one group per case, one coloured bar per series, a legend, gridlines, value labels.
 *
 * @example
 * const svg = barChartSvg({
 *   title: 'matMul', unit: 'GFLOP/s', series: ['cpu'],
 *   groups: [{ label: '64', bars: [{ series: 'cpu', value: 1.2 }] }],
 * });
 *
 * In plain words: the table, drawn as bars, so the long and short ones jump out.
 */
export function barChartSvg(spec: BarChartSpec): string {
  const values = spec.groups
    .flatMap((group) => group.bars.map((bar) => bar.value))
    .filter((value) => value > 0 && Number.isFinite(value));
  const groupHeight = (group: BarGroup) => Math.max(1, group.bars.length) * barHeight + groupGap;
  const plotHeight = spec.groups.reduce((sum, group) => sum + groupHeight(group), 0);
  const height = top + Math.max(plotHeight, 40) + 70;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      'font-family="Helvetica, Arial, sans-serif" font-size="12">',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="16" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  if (spec.subtitle) parts.push(`<text x="16" y="44" fill="#555">${escapeXml(spec.subtitle)}</text>`);
  if (values.length === 0) {
    parts.push(`<text x="16" y="${top + 20}" fill="#555">No data in this run.</text>`, '</svg>');
    return parts.join('\n');
  }
  const scale = makeScale(values, spec.logScale === true, spec.referenceLine);
  for (const tick of scale.ticks) {
    const x = labelWidth + scale.position(tick) * plotWidth;
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${top + plotHeight}" stroke="#e3e3e3"/>`,
    );
    parts.push(
      `<text x="${x.toFixed(1)}" y="${top + plotHeight + 16}" text-anchor="middle" fill="#555">` +
        `${formatTick(tick)}</text>`,
    );
  }
  if (spec.referenceLine !== undefined) {
    const x = labelWidth + scale.position(spec.referenceLine) * plotWidth;
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${top + plotHeight}" ` +
        'stroke="#333" stroke-dasharray="4 3"/>',
    );
  }
  let y = top;
  for (const group of spec.groups) {
    const h = groupHeight(group);
    parts.push(
      `<text x="${labelWidth - 8}" y="${(y + (h - groupGap) / 2 + 4).toFixed(1)}" text-anchor="end">` +
        `${escapeXml(group.label)}</text>`,
    );
    for (const bar of group.bars) {
      const color = palette[Math.max(0, spec.series.indexOf(bar.series)) % palette.length] as string;
      const valid = bar.value > 0 && Number.isFinite(bar.value);
      const length = valid ? Math.max(1, scale.position(bar.value) * plotWidth) : 0;
      if (valid)
        parts.push(
          `<rect x="${labelWidth}" y="${y + 1}" width="${length.toFixed(1)}" height="${barHeight - 2}" ` +
            `fill="${color}"><title>` +
            escapeXml(`${group.label} [${bar.series}]: ${formatTick(bar.value)} ${spec.unit}`) +
            '</title></rect>',
        );
      const text = valid ? `${formatTick(bar.value)}${bar.note ? ` ${bar.note}` : ''}` : (bar.note ?? 'n/a');
      parts.push(
        `<text x="${(labelWidth + length + 4).toFixed(1)}" y="${y + barHeight - 3}" font-size="10" fill="#333">` +
          `${escapeXml(text)}</text>`,
      );
      y += barHeight;
    }
    y += groupGap;
  }
  parts.push(
    `<text x="${labelWidth + plotWidth / 2}" y="${top + plotHeight + 34}" text-anchor="middle" fill="#333">` +
      `${escapeXml(spec.unit)}</text>`,
  );
  spec.series.forEach((series, index) => {
    const x = 16 + index * 110;
    const legendY = height - 14;
    parts.push(
      `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${palette[index % palette.length]}"/>`,
      `<text x="${x + 16}" y="${legendY}">${escapeXml(series)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

interface Scale {
  position(value: number): number;
  ticks: number[];
}

function makeScale(values: number[], logScale: boolean, reference: number | undefined): Scale {
  const all = reference !== undefined ? [...values, reference] : values;
  if (logScale) {
    const low = Math.floor(Math.log10(Math.min(...all)));
    const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...all))));
    const ticks = Array.from({ length: high - low + 1 }, (_, index) => 10 ** (low + index));
    return { position: (value) => (Math.log10(value) - low) / (high - low), ticks };
  }
  const max = Math.max(...all);
  const step = niceStep(max / 5);
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  return { position: (value) => value / top, ticks };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}
