import { describe, expect, test } from 'vitest';
import { decodePng } from '../../../test/png-decoder.js';
import { weightHeatmapLayout, weightHeatmapStrip, weightHeatmapStripPng } from './weight-heatmap-strip.js';
import { occurrences, sha256, testRecord } from '../../../test/diagnostics-chart-record.js';

describe('weightHeatmapStrip', () => {
  test('one cell per weight per snapshot epoch, epoch labels, a colour bar with -limit, 0, +limit', () => {
    const svg = weightHeatmapStrip(testRecord(), { layer: 'dense_1' });
    expect(occurrences(svg, '<rect class="cell"')).toBe(3 * 3 * 4);
    for (const text of ['epoch 0', 'epoch 1', 'epoch 2', 'dense_1 kernel', '1', '0', '-1'])
      expect(svg).toContain(`>${text}</text>`);
    expect(occurrences(svg, '<rect class="colorBar"')).toBeGreaterThan(20);
    expect(svg).toContain('fill="#ffffff"'); // zero weights white
    expect(svg).toContain('fill="#b2182b"'); // +1 = +limit: darkest red
    expect(svg).toContain('fill="#2166ac"'); // -1 = -limit: darkest blue
    const two = weightHeatmapStrip(testRecord(), { layer: 'dense_1', epochs: [2, 0] });
    expect(occurrences(two, '<rect class="cell"')).toBe(2 * 12);
    expect(two.indexOf('>epoch 0<')).toBeLessThan(two.indexOf('>epoch 2<')); // epoch order
    expect(two).not.toContain('>epoch 1<');
  });

  test('PNG: a positive cell reddish, a negative one bluish, a zero white, on one shared scale', () => {
    const record = testRecord();
    const layout = weightHeatmapLayout('test', record, { layer: 'dense_1' });
    const png = decodePng(weightHeatmapStripPng(record, { layer: 'dense_1' }));
    expect([png.width, png.height]).toEqual([layout.width, layout.height]);
    expect(png.width).toBe(640);
    const at = (panel: number, row: number, col: number) => {
      const [x, y] = layout.cellCentre(panel, row, col);
      return png.pixel(Math.floor(x), Math.floor(y));
    };
    expect(at(0, 1, 0)).toEqual([178, 24, 43]); // +1: darkest red
    expect(at(0, 0, 0)).toEqual([33, 102, 172]); // -1: darkest blue
    expect(at(0, 0, 2)).toEqual([255, 255, 255]); // 0: white
    const [r, g, b] = at(0, 2, 0) as [number, number, number]; // +0.25: light red
    expect(r).toBeGreaterThan(b);
    expect(g).toBeGreaterThan(150);
    const [r2, , b2] = at(1, 0, 1) as [number, number, number]; // -0.5: bluish
    expect(b2).toBeGreaterThan(r2);
    // The last element grows 1/3, 2/3, 1 over the epochs: darker red on the shared scale.
    expect((at(0, 2, 3)[1] as number) > (at(1, 2, 3)[1] as number)).toBe(true);
    expect(at(2, 2, 3)).toEqual([178, 24, 43]);
  });

  test('a big matrix is shown in block means with a note; NaN weights are black and counted', () => {
    const values = Array.from({ length: 600 * 40 }, (_, i) => (i === 0 ? Number.NaN : i % 2 === 0 ? 1 : -1));
    const record = {
      ...testRecord(),
      snapshots: [{ layer: 'big', weight: 'kernel', epoch: 0, shape: [600, 40] as [number, number], values }],
    };
    const layout = weightHeatmapLayout('test', record, { layer: 'big' });
    expect(layout.block).toBeGreaterThan(1);
    const svg = weightHeatmapStrip(record, { layer: 'big' });
    expect(svg).toContain(
      `each cell: mean of ${layout.block} x ${layout.block} values; black: 1 NaN or infinite values`,
    );
    expect(occurrences(svg, '<rect class="cell"')).toBe(Math.ceil(600 / layout.block) * Math.ceil(40 / layout.block));
    const png = decodePng(weightHeatmapStripPng(record, { layer: 'big' }));
    const [x, y] = layout.cellCentre(0, 0, 0);
    expect(png.pixel(Math.floor(x), Math.floor(y))).toEqual([0, 0, 0]);
  });

  test('deterministic: the same record gives the same bytes', () => {
    const png = weightHeatmapStripPng(testRecord(), { layer: 'dense_1', width: 500, height: 200, title: 'W' });
    expect([decodePng(png).width, decodePng(png).height]).toEqual([500, 200]);
    const again = weightHeatmapStripPng(JSON.parse(JSON.stringify(testRecord())), {
      layer: 'dense_1',
      width: 500,
      height: 200,
      title: 'W',
    });
    expect(sha256(again)).toBe(sha256(png));
    expect(sha256(weightHeatmapStrip(testRecord(), { layer: 'dense_1' }))).toBe(
      sha256(weightHeatmapStrip(testRecord(), { layer: 'dense_1' })),
    );
  });

  test('missing snapshots name what the record has; bad options and shapes are refused', () => {
    expect(() => weightHeatmapStrip(testRecord(), { layer: 'dense_3' })).toThrow(
      "weightHeatmapStrip: expected snapshots of layer 'dense_3' (kernel), got none; " +
        'the record has dense_1/kernel at epochs 0, 1, 2',
    );
    expect(() => weightHeatmapStrip(testRecord(), { layer: 'dense_1', weight: 'bias' })).toThrow(
      /got none; the record has dense_1\/kernel/,
    );
    expect(() => weightHeatmapStripPng({ ...testRecord(), snapshots: [] }, { layer: 'dense_1' })).toThrow(
      /^weightHeatmapStripPng: expected snapshots of layer 'dense_1' \(kernel\), but the record has none \(ask/,
    );
    expect(() => weightHeatmapStrip(testRecord(), { layer: 'dense_1', epochs: [1, 5] })).toThrow(
      "weightHeatmapStrip: expected options.epochs among the snapshot epochs of 'dense_1' (kernel): 0, 1, 2, got 5",
    );
    expect(() => weightHeatmapStrip(testRecord(), {} as never)).toThrow(
      'weightHeatmapStrip: expected options.layer to be a layer name, got undefined',
    );
    expect(() => weightHeatmapStrip(testRecord(), undefined as never)).toThrow(/options.layer/);
    expect(() => weightHeatmapStrip(testRecord(), { layer: 'dense_1', epoch: [1] } as never)).toThrow(
      /did you mean 'epochs'/,
    );
    expect(() => weightHeatmapStrip(testRecord(), { layer: 'dense_1', width: 100 })).toThrow(
      /expected options.width in/,
    );
    const odd = testRecord();
    (odd.snapshots[1] as (typeof odd.snapshots)[0]).shape = [4, 3];
    expect(() => weightHeatmapStrip(odd, { layer: 'dense_1' })).toThrow(
      "weightHeatmapStrip: expected every snapshot of 'dense_1' (kernel) to have shape [3,4], got [4,3] at epoch 1",
    );
    const short = testRecord();
    (short.snapshots[0] as (typeof short.snapshots)[0]).values = [1, 2];
    expect(() => weightHeatmapStrip(short, { layer: 'dense_1' })).toThrow(
      'weightHeatmapStrip: expected heat map 0 (epoch 0) to have 3 x 4 = 12 values, got 2',
    );
  });
});
