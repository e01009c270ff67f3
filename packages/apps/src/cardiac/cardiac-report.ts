import { ArgumentError, assertKnownOptions } from '@baihua/core';
import { classifyEjectionFraction, type EjectionFractionClass } from './ejection-fraction-class.js';
import { ejectionFraction, type EjectionFractionResult } from './ejection-fraction.js';

/** A case's findings: volumes, EF, its class and, when the truth is known, the errors. */
export interface CardiacCaseReport extends EjectionFractionResult {
  caseId: string;
  /** Cavity volume per phase, mL. */
  volumes: number[];
  ejectionFractionClass: EjectionFractionClass;
  /** Present when `truth` was given: the true EF, its class, and the signed error (measured - true, points). */
  truth?: { ejectionFraction: number; ejectionFractionClass: EjectionFractionClass; error: number };
  /** The report as lines of text. */
  text: string;
}

/** Options of {@link cardiacReport}. */
export interface CardiacReportOptions {
  /** Name of the case in the text. Default 'case'. */
  caseId?: string;
  /** The true volumes per phase (mL), to report the error against. */
  truth?: readonly number[];
}

/**
 * The seed's last step (诊断报告): from the cavity volume at each phase, EDV = max, ESV = min,
 * EF = (EDV - ESV) / EDV x 100, its class ({@link classifyEjectionFraction}), and a text such as
 *   case 7: EDV 121.4 mL (phase 0), ESV 52.0 mL (phase 4), EF 57.2% -> normal (55-70%)
 * with, when the true volumes are given, a second line `true EF 58.0% (normal), error -0.8 points`.
 *
 * @example
 * cardiacReport([120, 80, 50, 90], { caseId: 'demo' }).text;
 *
 * In plain words: the numbers a cardiologist reads, and what they mean.
 */
export function cardiacReport(volumes: readonly number[], options: CardiacReportOptions = {}): CardiacCaseReport {
  const fn = 'cardiacReport';
  assertKnownOptions(fn, 'options', options, ['caseId', 'truth']);
  const { caseId = 'case' } = options;
  if (typeof caseId !== 'string')
    throw new ArgumentError(fn, `expected options.caseId to be a string, got ${typeof caseId}`);
  const measured = ejectionFraction(volumes);
  const ejectionFractionClass = classifyEjectionFraction(measured.ejectionFraction);
  const lines = [
    `${caseId}: EDV ${measured.endDiastolicVolume.toFixed(1)} mL (phase ${measured.endDiastolicPhase}), ` +
      `ESV ${measured.endSystolicVolume.toFixed(1)} mL (phase ${measured.endSystolicPhase}), ` +
      `EF ${measured.ejectionFraction.toFixed(1)}% -> ${describeClass(ejectionFractionClass)}`,
  ];
  const report: CardiacCaseReport = { caseId, volumes: [...volumes], ...measured, ejectionFractionClass, text: '' };
  if (options.truth !== undefined) {
    if (!Array.isArray(options.truth) || options.truth.length !== volumes.length)
      throw new ArgumentError(
        fn,
        `expected options.truth to hold one volume per phase (${volumes.length}), got ${
          Array.isArray(options.truth) ? options.truth.length : typeof options.truth
        }`,
      );
    const trueEf = ejectionFraction(options.truth).ejectionFraction;
    const trueClass = classifyEjectionFraction(trueEf);
    const error = measured.ejectionFraction - trueEf;
    report.truth = { ejectionFraction: trueEf, ejectionFractionClass: trueClass, error };
    lines.push(
      `  true EF ${trueEf.toFixed(1)}% (${trueClass}), error ${error >= 0 ? '+' : ''}${error.toFixed(1)} points`,
    );
  }
  report.text = lines.join('\n');
  return report;
}

function describeClass(value: EjectionFractionClass): string {
  const words: Record<EjectionFractionClass, string> = {
    danger: 'danger (below 40%)',
    reduced: 'reduced (40-55%)',
    normal: 'normal (55-70%)',
    'above-normal': 'above normal (over 70%)',
  };
  return words[value];
}
