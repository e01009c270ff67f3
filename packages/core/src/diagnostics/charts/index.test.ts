import { expect, test } from 'vitest';
import * as core from '../../index.js';
import { testRecord } from '../../../test/diagnostics-chart-record.js';

test("core's index exports each chart in its SVG and PNG form", () => {
  const record = testRecord(2);
  const layer = { layer: 'dense_1' };
  for (const name of ['gradientFlowChart', 'gradientNormChart', 'deadUnitChart', 'classHistogramChart']) {
    const svg = (core as unknown as Record<string, (r: unknown) => unknown>)[name]?.(record);
    const png = (core as unknown as Record<string, (r: unknown) => unknown>)[`${name}Png`]?.(record);
    expect(svg, name).toMatch(/^<svg /);
    expect(png, name).toBeInstanceOf(Uint8Array);
  }
  expect(core.weightHeatmapStrip(record, layer)).toMatch(/^<svg /);
  expect(core.weightHeatmapStripPng(record, layer)).toBeInstanceOf(Uint8Array);
});
