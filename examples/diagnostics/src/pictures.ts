import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DiagnosticsRecord,
  classHistogramChart,
  classHistogramChartPng,
  deadUnitChart,
  deadUnitChartPng,
  gradientFlowChart,
  gradientFlowChartPng,
  gradientNormChart,
  gradientNormChartPng,
  plotHistory,
  plotHistoryPng,
  weightHeatmapStrip,
  weightHeatmapStripPng,
} from '@baihua/core';
import type { SetupRun } from './run-setup.js';
import type { TrainingCase } from './training-case.js';

/** One picture: its file name without extension, and its SVG and PNG forms. */
interface Picture {
  name: string;
  svg: string;
  png: Uint8Array;
}

type Draw = (record: DiagnosticsRecord, run: SetupRun, title: string) => { svg: string; png: Uint8Array };

const draw: Record<string, Draw> = {
  'gradient-flow': (record, _run, title) => ({
    svg: gradientFlowChart(record, { title }),
    png: gradientFlowChartPng(record, { title }),
  }),
  'gradient-norm': (record, _run, title) => ({
    svg: gradientNormChart(record, { title }),
    png: gradientNormChartPng(record, { title }),
  }),
  'dead-units': (record, _run, title) => ({
    svg: deadUnitChart(record, { title }),
    png: deadUnitChartPng(record, { title }),
  }),
  'class-histogram': (record, _run, title) => ({
    svg: classHistogramChart(record, { title }),
    png: classHistogramChartPng(record, { title }),
  }),
  'loss-curves': (_record, run, title) => ({
    svg: plotHistory(run.history, { title }),
    png: plotHistoryPng(run.history, { title }),
  }),
  'weight-heatmaps': (record, _run, title) => {
    const snapshot = record.snapshots[0];
    if (snapshot === undefined) throw new Error(`weight-heatmaps: the record of '${record.model}' holds no snapshot`);
    const options = { layer: snapshot.layer, weight: snapshot.weight, title };
    return { svg: weightHeatmapStrip(record, options), png: weightHeatmapStripPng(record, options) };
  },
};

/** The charts drawn for each case, for the failing run and for the cured one. */
const chartsOf: Record<string, { failure: string[]; cure: string[] }> = {
  vanishing: { failure: ['gradient-flow'], cure: ['gradient-flow'] },
  'dead units': { failure: ['dead-units', 'gradient-flow'], cure: ['gradient-flow'] },
  exploding: { failure: ['gradient-norm', 'gradient-flow'], cure: ['gradient-norm', 'gradient-flow'] },
  overfitting: { failure: ['loss-curves', 'weight-heatmaps'], cure: ['loss-curves', 'weight-heatmaps'] },
  imbalance: { failure: ['class-histogram'], cure: ['class-histogram'] },
};

/**
 * Draws a case's charts (core's diagnostics charts; the loss curves with plotHistory) for both runs
 * and writes each as SVG and PNG into `outDir`, named `<case>-<failure|cure>-<chart>`. Returns the
 * paths written.
 *
 * @example
 * writePictures(vanishingCase, await runCase(vanishingCase), 'output');
 * // ['output/vanishing-failure-gradient-flow.svg', 'output/vanishing-failure-gradient-flow.png', ...]
 * In plain words: the pictures of both runs of a case, side by side on disk.
 */
export function writePictures(
  trainingCase: TrainingCase,
  runs: { failure: SetupRun; cure: SetupRun },
  outDir: string,
): string[] {
  mkdirSync(outDir, { recursive: true });
  const slug = trainingCase.name.replace(/\s+/g, '-');
  const pictures: Picture[] = [];
  for (const which of ['failure', 'cure'] as const) {
    const run = runs[which];
    for (const chart of chartsOf[trainingCase.name]?.[which] ?? []) {
      const title = `${trainingCase.name}: ${which === 'failure' ? 'failing run' : 'cured run'}`;
      const drawChart = draw[chart] as Draw;
      pictures.push({ name: `${slug}-${which}-${chart}`, ...drawChart(run.record, run, title) });
    }
  }
  return pictures.flatMap((picture) => {
    const svg = join(outDir, `${picture.name}.svg`);
    const png = join(outDir, `${picture.name}.png`);
    writeFileSync(svg, picture.svg);
    writeFileSync(png, picture.png);
    return [svg, png];
  });
}
