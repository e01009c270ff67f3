import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressMode } from '@baihua/core';
import { cardiacPhantomCases, cineContoursPng, volumeCurvePng, type CardiacPhantomOptions } from '@baihua/apps/cardiac';
import {
  evaluateCases,
  summarise,
  summaryLines,
  type CaseEvaluation,
  type EvaluationSummary,
} from './evaluate-cases.js';
import { trainSegmenter } from './train-segmenter.js';

export interface RunExampleOptions {
  /** Training cases (phantom cases 0 .. train - 1) and held-out cases (from case 10,000 on). */
  train: number;
  test: number;
  epochs: number;
  seed: number;
  learningRate: number;
  filters: number;
  batchSize: number;
  outDir: string;
  phantom?: CardiacPhantomOptions;
  progress?: ProgressMode;
  /** Where each line goes. Default console.log. */
  write?: (line: string) => void;
}

export interface RunExampleResult {
  summary: EvaluationSummary;
  evaluations: CaseEvaluation[];
  trainingSeconds: number;
  trainingVolumes: number;
  pictures: string[];
}

/** Index of the first held-out case: far from the training cases, so the two sets never overlap. */
export const firstHeldOutCase = 10_000;

/**
 * The whole example: train the U-Net-lite on synthetic cases, segment the held-out cases, print a
 * report per case and the three summary lines, and write the two pictures of the first held-out case.
 */
export async function runExample(options: RunExampleOptions): Promise<RunExampleResult> {
  const write = options.write ?? ((line: string) => console.log(line));
  const trained = await trainSegmenter({
    train: options.train,
    epochs: options.epochs,
    seed: options.seed,
    learningRate: options.learningRate,
    filters: options.filters,
    batchSize: options.batchSize,
    ...(options.phantom ? { phantom: options.phantom } : {}),
    progress: options.progress ?? 'auto',
  });
  try {
    write(
      `training: ${trained.volumes} volumes (${options.train} cases x their phases), ${options.epochs} epochs, ` +
        `${trained.seconds.toFixed(1)} s; final loss ${trained.history.get('loss').at(-1)?.toFixed(4)}`,
    );
    const heldOut = cardiacPhantomCases(options.seed, options.test, { ...options.phantom, first: firstHeldOutCase });
    const evaluations = await evaluateCases(trained.model, heldOut);
    for (const e of evaluations) write(e.text);
    const summary = summarise(evaluations);
    const shown = evaluations[0] as CaseEvaluation;
    const c = shown.case;
    const cine = join(options.outDir, 'cine-contours.png');
    const curve = join(options.outDir, 'volume-curve.png');
    writeFileSync(
      cine,
      cineContoursPng({
        images: c.images,
        truth: c.masks,
        predicted: shown.predicted,
        shape: c.shape,
        spacing: c.spacing,
        phases: c.phases,
      }),
    );
    writeFileSync(curve, volumeCurvePng(c.volumes, shown.volumes, `LV cavity volume, held-out case ${c.index}`));
    write(`pictures: ${cine}, ${curve}`);
    for (const line of summaryLines(summary)) write(line);
    return {
      summary,
      evaluations,
      trainingSeconds: trained.seconds,
      trainingVolumes: trained.volumes,
      pictures: [cine, curve],
    };
  } finally {
    trained.model.dispose();
  }
}
