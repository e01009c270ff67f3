import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '@baihua/core';
import {
  cardiacReport,
  cavityVolumes,
  diceCoefficient,
  segmentCine,
  type CardiacCase,
  type CardiacCaseReport,
} from '@baihua/apps/cardiac';

/** One held-out case, segmented: its predicted masks and volumes, Dice per phase, and the report. */
export interface CaseEvaluation {
  case: CardiacCase;
  /** Predicted cavity, [phases, D, H, W] row-major, 0/1. */
  predicted: Uint8Array;
  volumes: number[];
  dice: number[];
  /** Undefined when no phase has a segmented cavity (EF undefined). */
  report: CardiacCaseReport | undefined;
  /** The report's text, or why there is none. */
  text: string;
}

/** The figures the example prints. */
export interface EvaluationSummary {
  /** Mean over every held-out phase of the Dice of predicted vs true cavity. */
  dice: number;
  /** Mean over cases of |EF predicted - EF true|, points. */
  efMeanAbsoluteError: number;
  /** Share of cases whose predicted EF falls in the true EF's class (a case without EF disagrees). */
  classAgreement: number;
  /** Cases where nothing was segmented in any phase, so that EF is undefined (left out of the error). */
  undefinedEf: number;
}

/** Segments each case's cine, measures its volumes (mL) and Dice, and writes its report against the truth. */
export async function evaluateCases(model: Layer, cases: readonly CardiacCase[]): Promise<CaseEvaluation[]> {
  const evaluations: CaseEvaluation[] = [];
  for (const c of cases) {
    const images = tf.tensor4d(c.images, [c.phases, ...c.shape]);
    const masks = segmentCine(model, images);
    try {
      const volumes = await cavityVolumes(masks, c.spacing);
      const predicted = Uint8Array.from(await masks.data());
      const size = c.shape[0] * c.shape[1] * c.shape[2];
      const dice = Array.from({ length: c.phases }, (_, k) =>
        diceCoefficient(c.masks.subarray(k * size, (k + 1) * size), predicted.subarray(k * size, (k + 1) * size)),
      );
      const caseId = `case ${c.index}`;
      const report = volumes.some((v) => v > 0) ? cardiacReport(volumes, { caseId, truth: c.volumes }) : undefined;
      const text = report?.text ?? `${caseId}: no cavity segmented in any phase (EF undefined)`;
      evaluations.push({ case: c, predicted, volumes, dice, report, text });
    } finally {
      tf.dispose([images, masks]);
    }
  }
  return evaluations;
}

/** Mean Dice over all phases, EF mean absolute error and class agreement over cases. */
export function summarise(evaluations: readonly CaseEvaluation[]): EvaluationSummary {
  const dice = evaluations.flatMap((e) => e.dice);
  const measured = evaluations.flatMap((e) => (e.report ? [e.report] : []));
  const errors = measured.map((r) => Math.abs(r.truth?.error ?? Number.NaN));
  const agree = measured.filter((r) => r.ejectionFractionClass === r.truth?.ejectionFractionClass);
  return {
    dice: dice.reduce((a, b) => a + b, 0) / dice.length,
    efMeanAbsoluteError: errors.reduce((a, b) => a + b, 0) / errors.length,
    classAgreement: agree.length / evaluations.length,
    undefinedEf: evaluations.length - measured.length,
  };
}

/** The three lines the issue asks for, exactly in its format. */
export function summaryLines(summary: EvaluationSummary): string[] {
  const undefinedLine =
    summary.undefinedEf > 0
      ? [`EF undefined (nothing segmented) in ${summary.undefinedEf} case(s), left out of the error`]
      : [];
  return [
    ...undefinedLine,
    `Dice (LV cavity): ${summary.dice.toFixed(2)}`,
    `EF mean absolute error: ${summary.efMeanAbsoluteError.toFixed(1)} points`,
    `EF class agreement: ${(100 * summary.classAgreement).toFixed(1)}%`,
  ];
}
