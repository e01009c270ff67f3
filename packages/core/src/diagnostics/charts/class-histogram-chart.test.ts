import { describe, expect, test } from 'vitest';
import { decodePng } from '../../../test/png-decoder.js';
import { classHistogramChart, classHistogramChartPng } from './class-histogram-chart.js';
import { occurrences, sha256, testRecord } from '../../../test/diagnostics-chart-record.js';

describe('classHistogramChart', () => {
  test('two bars per class (label, predicted) for the last interval, heights in proportion', () => {
    const svg = classHistogramChart(testRecord(4));
    expect(occurrences(svg, '<rect class="bar"')).toBe(6);
    for (const text of ['0', '1', '2', 'label', 'predicted', 'class', 'examples'])
      expect(svg).toContain(`>${text}</text>`);
    expect(svg).toContain('>Predicted vs label classes (step 40)</text>');
    const heights = [...svg.matchAll(/<rect class="bar" [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    // label 40, predicted 80, label 35, predicted 15, label 25, predicted 5
    expect(heights[1] as number).toBeCloseTo(2 * (heights[0] as number), 0);
    expect((heights[0] as number) / (heights[5] as number)).toBeCloseTo(8, 0);
  });

  test('a chosen interval, class names; a NaN count shows as a word, a zero draws no bar', () => {
    const record = testRecord(3);
    const first = record.intervals[0] as (typeof record.intervals)[0];
    [first.predictedClasses, first.labelClasses] = [
      [Number.NaN, 0, 7],
      [1, 2, 3],
    ];
    const svg = classHistogramChart(record, { interval: 0, classNames: ['cat', 'dog', 'a<b'] });
    expect(svg).toContain('>Predicted vs label classes (step 10)</text>');
    expect(svg).toContain('>a&lt;b</text>');
    expect(occurrences(svg, '<rect class="bar"')).toBe(4);
    expect(svg).toMatch(/<text class="marker" [^>]*>NaN<\/text>/);
  });

  test('PNG: size, label bars blue and predicted bars orange, same bytes for the same record', () => {
    const file = classHistogramChartPng(testRecord(), { width: 400, height: 300 });
    const png = decodePng(file);
    expect([png.width, png.height]).toEqual([400, 300]);
    // class 0: label bar left of the slot centre, predicted right, both near the axis (y 240).
    const slot = (400 - 64 - 16) / 3;
    expect(png.pixel(Math.round(64 + slot * 0.3), 240)).toEqual([31, 119, 180]);
    expect(png.pixel(Math.round(64 + slot * 0.7), 240)).toEqual([255, 127, 14]);
    expect(sha256(classHistogramChartPng(testRecord(), { width: 400, height: 300 }))).toBe(sha256(file));
  });

  test('intervals without class counts, bad interval and class names are refused', () => {
    const record = testRecord(3);
    delete (record.intervals[2] as (typeof record.intervals)[0]).predictedClasses;
    expect(() => classHistogramChart(record)).toThrow(
      'classHistogramChart: expected interval 2 to have predictedClasses and labelClasses of equal length ' +
        '(recorded for classification outputs only), got none and 3; intervals with them: 0, 1',
    );
    expect(() => classHistogramChart(testRecord(3), { interval: 3 })).toThrow(
      'classHistogramChart: expected options.interval in [0, 2], got 3',
    );
    expect(() => classHistogramChart(testRecord(3), { interval: 1.5 })).toThrow(/integer, got 1.5/);
    expect(() => classHistogramChartPng(testRecord(), { classNames: ['a'] })).toThrow(
      'classHistogramChartPng: expected options.classNames to be 3 names (one per class), got 1',
    );
    expect(() => classHistogramChart(testRecord(), { intervall: 1 } as never)).toThrow(/did you mean 'interval'/);
  });
});
