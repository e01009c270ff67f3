import { describe, expect, test } from 'vitest';
import { decodePng } from '../../../test/png-decoder.js';
import { gradientNormChart, gradientNormChartPng } from './gradient-norm-chart.js';
import { occurrences, sha256, testRecord } from '../../../test/diagnostics-chart-record.js';

describe('gradientNormChart', () => {
  test('two lines (mean and max) with one point per interval, x = step, log ticks, labels', () => {
    const record = testRecord(6);
    const svg = gradientNormChart(record);
    expect(occurrences(svg, '<path')).toBe(2);
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => (m[1] as string).split(' ').length);
    expect(paths).toEqual([6, 6]);
    for (const text of ['mean', 'max', 'step', 'global gradient norm (log)', 'Gradient norm', '0.5', '1', '2', '5'])
      expect(svg).toContain(`>${text}</text>`);
    expect(svg).not.toContain('class="marker"');
  });

  test('NaN, Infinity and 0 norms are marked and counted in a note', () => {
    const record = testRecord(4);
    const [a, b] = record.intervals as [(typeof record.intervals)[0], (typeof record.intervals)[0]];
    [a.gradientNorm, a.maxGradientNorm, b.maxGradientNorm] = [0, Number.NaN, Number.POSITIVE_INFINITY];
    const svg = gradientNormChart(record);
    expect(occurrences(svg, '<rect class="marker"')).toBe(3);
    expect(svg).toContain('>not drawn: 2 NaN or infinite (squares on top); 1 &lt;= 0 (squares at the bottom)</text>');
    const none = testRecord(1);
    (none.intervals[0] as (typeof none.intervals)[0]).gradientNorm = Number.NaN;
    (none.intervals[0] as (typeof none.intervals)[0]).maxGradientNorm = 0;
    expect(() => gradientNormChartPng(none)).toThrow(
      /^gradientNormChartPng: expected at least one finite gradient norm/,
    );
  });

  test('PNG: size, and the same record gives the same bytes', () => {
    const png = gradientNormChartPng(testRecord(), { width: 320, height: 200 });
    expect([decodePng(png).width, decodePng(png).height]).toEqual([320, 200]);
    expect(sha256(gradientNormChartPng(testRecord(), { width: 320, height: 200 }))).toBe(sha256(png));
    expect(sha256(gradientNormChartPng(testRecord(), { width: 320, height: 200, title: 'x' }))).not.toBe(sha256(png));
  });

  test('bad options and records are refused', () => {
    expect(() => gradientNormChart(testRecord(), { logY: true } as never)).toThrow(
      /^gradientNormChart: unknown key 'logY' in options/,
    );
    expect(() => gradientNormChart(testRecord(), { title: 3 } as never)).toThrow(
      'gradientNormChart: expected options.title to be a string, got number',
    );
    expect(() => gradientNormChart({ ...testRecord(), intervals: [] })).toThrow(/at least one interval/);
    expect(() => gradientNormChart(null as never)).toThrow(/expected record to be a DiagnosticsRecord .*got null$/);
  });
});
