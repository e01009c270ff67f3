import { describe, expect, test } from 'vitest';
import { decodePng } from '../../../test/png-decoder.js';
import { gradientFlowChart, gradientFlowChartPng } from './gradient-flow-chart.js';
import { occurrences, sha256, testLayers, testRecord } from '../../../test/diagnostics-chart-record.js';

describe('gradientFlowChart', () => {
  test('one line per interval (8 evenly chosen of 12), layers named along x, log ticks in decades', () => {
    const svg = gradientFlowChart(testRecord(12));
    expect(occurrences(svg, '<path')).toBe(8);
    for (const step of [10, 40, 120]) expect(svg).toContain(`>step ${step}</text>`); // first, one between, last
    expect(svg).not.toContain('>step 20</text>');
    for (const layer of testLayers) expect(svg).toContain(`>${layer}</text>`);
    for (const tick of ['1e-4', '0.01', '1']) expect(svg).toContain(`>${tick === '1e-4' ? '1.0e-4' : tick}</text>`);
    expect(svg).toContain('>gradient norm (log)</text>');
    expect(svg).toContain('>layer (input side first)</text>');
    expect(svg).toContain('stroke="#b5de2b"'); // the earliest line light green
    expect(svg).toContain('stroke="#440154"'); // the latest dark purple
    expect(occurrences(gradientFlowChart(testRecord(3)), '<path')).toBe(3);
    expect(occurrences(gradientFlowChart(testRecord(12), { maxLines: 1 }), '<path')).toBe(1);
  });

  test('the line falls toward the input: dense_1 is drawn lower than dense_3 (y grows downwards)', () => {
    const svg = gradientFlowChart(testRecord(2), { maxLines: 1 });
    const path = /<path d="M([\d.]+),([\d.]+) L([\d.]+),([\d.]+) L([\d.]+),([\d.]+)"/.exec(svg);
    expect(path).not.toBeNull();
    const [y1, y3] = [Number(path?.[2]), Number(path?.[6])];
    expect(y1).toBeGreaterThan(y3 + 100);
  });

  test('NaN, Infinity, 0 and a missing layer leave squares and a note, not a crash or a gap', () => {
    const record = testRecord(2);
    const [first, second] = record.intervals as [(typeof record.intervals)[0], (typeof record.intervals)[0]];
    first.layerGradientNorms = { dense_1: Number.NaN, dense_2: 0, dense_3: 1 };
    second.layerGradientNorms = { dense_1: Number.POSITIVE_INFINITY, dense_3: 2 }; // dense_2 missing
    const svg = gradientFlowChart(record);
    expect(occurrences(svg, 'class="marker"')).toBe(4);
    expect(svg).toContain('>not drawn: 3 NaN or infinite (squares on top); 1 &lt;= 0 (squares at the bottom)</text>');
    const png = decodePng(gradientFlowChartPng(record));
    expect([png.width, png.height]).toEqual([640, 400]);
    const none = testRecord(1);
    (none.intervals[0] as (typeof none.intervals)[0]).layerGradientNorms = { dense_1: 0, dense_2: Number.NaN };
    expect(() => gradientFlowChart(none)).toThrow(
      /^gradientFlowChart: expected at least one finite gradient norm > 0 to plot on a log scale, got none of 3/,
    );
  });

  test('PNG: the expected size, the same record gives the same bytes, another record other bytes', () => {
    const png = gradientFlowChartPng(testRecord(), { width: 480, height: 300, title: 'Flow' });
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([480, 300]);
    const again = gradientFlowChartPng(JSON.parse(JSON.stringify(testRecord())), {
      width: 480,
      height: 300,
      title: 'Flow',
    });
    expect(sha256(again)).toBe(sha256(png));
    expect(sha256(gradientFlowChartPng(testRecord(5), { width: 480, height: 300, title: 'Flow' }))).not.toBe(
      sha256(png),
    );
    expect(sha256(gradientFlowChart(testRecord()))).toBe(sha256(gradientFlowChart(testRecord())));
  });

  test('bad options and records are refused with the function name', () => {
    expect(() => gradientFlowChart(testRecord(), { maxline: 3 } as never)).toThrow(
      /^gradientFlowChart: unknown key 'maxline' in options \(did you mean 'maxLines'\?/,
    );
    expect(() => gradientFlowChartPng(testRecord(), { logY: false } as never)).toThrow(/unknown key 'logY'/);
    expect(() => gradientFlowChart(testRecord(), { maxLines: 0 })).toThrow(/^gradientFlowChart: .*maxLines/);
    expect(() => gradientFlowChart(testRecord(), { width: 10 })).toThrow(
      /^gradientFlowChart: expected options.width in/,
    );
    expect(() => gradientFlowChart({ ...testRecord(), intervals: [] })).toThrow(
      'gradientFlowChart: expected a record with at least one interval of figures, ' +
        "got none (model 'mlp' is measured every 10 steps",
    );
    expect(() => gradientFlowChart({ ...testRecord(), layers: [] })).toThrow(/at least one watched layer/);
    expect(() => gradientFlowChart({ loss: 1 } as never)).toThrow(
      /^gradientFlowChart: expected record to be a DiagnosticsRecord .* got object with keys loss$/,
    );
  });

  test('a layer name with markup is escaped in the SVG', () => {
    const record = testRecord(1);
    record.layers = ['a<b>&"c"', ...testLayers.slice(1)];
    const interval = record.intervals[0] as (typeof record.intervals)[0];
    interval.layerGradientNorms = { 'a<b>&"c"': 1, dense_2: 2, dense_3: 3 };
    const svg = gradientFlowChart(record);
    expect(svg).toContain('>a&lt;b&gt;&amp;&quot;c&quot;</text>');
    expect(svg).not.toContain('a<b>');
  });
});
