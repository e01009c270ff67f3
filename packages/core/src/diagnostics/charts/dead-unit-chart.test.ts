import { describe, expect, test } from 'vitest';
import { decodePng } from '../../../test/png-decoder.js';
import { deadUnitChart, deadUnitChartPng } from './dead-unit-chart.js';
import { occurrences, sha256, testRecord } from '../../../test/diagnostics-chart-record.js';

describe('deadUnitChart', () => {
  test('one line per measured layer over the intervals, y fixed 0-100%', () => {
    const svg = deadUnitChart(testRecord(12));
    expect(occurrences(svg, '<path')).toBe(2); // dense_1 and dense_2; dense_3 is not ReLU-family
    const points = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => (m[1] as string).split(' ').length);
    expect(points).toEqual([12, 12]);
    for (const text of ['dense_1', 'dense_2', '0', '20', '100', 'step', 'units that never fired (%)'])
      expect(svg).toContain(`>${text}</text>`);
    expect(svg).not.toContain('>dense_3</text>');
    // All-zero fractions still get the 0-100 axis rather than -1..1.
    const healthy = testRecord(3);
    for (const i of healthy.intervals) i.deadUnitFractions = { dense_1: 0 };
    const flat = deadUnitChart(healthy);
    expect(flat).toContain('>100</text>');
    expect(flat).not.toContain('>-1</text>');
  });

  test('a NaN or missing fraction is marked on the top edge with a note', () => {
    const record = testRecord(3);
    (record.intervals[1] as (typeof record.intervals)[0]).deadUnitFractions = { dense_1: Number.NaN };
    const svg = deadUnitChart(record);
    expect(occurrences(svg, 'class="marker"')).toBe(2); // dense_1 NaN, dense_2 missing
    expect(svg).toContain('>not drawn: 2 NaN or infinite (squares on top)</text>');
  });

  test('PNG size and same bytes for the same record', () => {
    const png = deadUnitChartPng(testRecord());
    expect([decodePng(png).width, decodePng(png).height]).toEqual([640, 400]);
    expect(sha256(deadUnitChartPng(testRecord()))).toBe(sha256(png));
  });

  test('a record without dead-unit figures names its layers; bad options are refused', () => {
    const record = testRecord(2);
    for (const i of record.intervals) i.deadUnitFractions = {};
    expect(() => deadUnitChart(record)).toThrow(
      'deadUnitChart: expected dead-unit fractions of at least one layer, got none ' +
        "(only ReLU-family layers are measured; the record's layers: dense_1, dense_2, dense_3)",
    );
    expect(() => deadUnitChartPng(testRecord(), { height: 50 })).toThrow(
      /^deadUnitChartPng: expected options.height in/,
    );
    expect(() => deadUnitChart(testRecord(), { layers: ['dense_1'] } as never)).toThrow(/unknown key 'layers'/);
  });
});
