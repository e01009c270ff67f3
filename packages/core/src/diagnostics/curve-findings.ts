import type { DiagnosticsRecord, Finding } from './diagnostics-record.js';
import type { DiagnoseThresholds } from './diagnose-thresholds.js';
import { epochSpan, finding, formatFigure } from './finding.js';

type Thresholds = Required<DiagnoseThresholds>;

/**
 * Overfitting: over the last overfittingEpochs epochs (with a validation loss) the training loss
 * fell and the validation loss rose, and valLoss / loss >= overfittingGap in each of them.
 */
export function overfittingFindings(record: DiagnosticsRecord, t: Thresholds): Finding[] {
  const measured = record.epochs.filter((e) => typeof e.valLoss === 'number' && Number.isFinite(e.valLoss));
  const recent = measured.slice(-t.overfittingEpochs);
  const [first, last] = [recent[0], recent.at(-1)];
  if (recent.length < Math.max(2, t.overfittingEpochs) || first === undefined || last === undefined) return [];
  const gaps = recent.map((e) => (e.valLoss as number) / e.loss);
  const falls = last.loss < first.loss;
  const rises = (last.valLoss as number) > (first.valLoss as number);
  if (!(falls && rises && gaps.every((g) => g >= t.overfittingGap))) return [];
  const epochs: [number, number] = [first.epoch, last.epoch];
  const evidence =
    `validation loss rose from ${formatFigure(first.valLoss as number)} to ${formatFigure(last.valLoss as number)} ` +
    `while training loss fell from ${formatFigure(first.loss)} to ${formatFigure(last.loss)} in ${epochSpan(epochs)} ` +
    `(validation/training ${formatFigure(gaps.at(-1) as number)}x)`;
  return [finding('overfitting', epochs, evidence)];
}

/**
 * Class imbalance, from the class counts of the last recentIntervals intervals: the majority class
 * of the labels has >= imbalanceRatio x the labels of the mean other class, and the model predicts
 * the other classes at most minorityCoverage x as often as they occur (it favours the majority).
 */
export function imbalanceFindings(record: DiagnosticsRecord, t: Thresholds): Finding[] {
  const recent = record.intervals.slice(-t.recentIntervals).filter((i) => i.labelClasses && i.predictedClasses);
  if (recent.length === 0) return [];
  const sum = (key: 'labelClasses' | 'predictedClasses') =>
    recent.reduce<number[]>((acc, i) => (i[key] as number[]).map((c, k) => c + (acc[k] ?? 0)), []);
  const [labels, predicted] = [sum('labelClasses'), sum('predictedClasses')];
  if (labels.length < 2) return [];
  const majority = labels.indexOf(Math.max(...labels));
  const othersLabelled = labels.reduce((a, c, k) => (k === majority ? a : a + c), 0);
  const othersPredicted = predicted.reduce((a, c, k) => (k === majority ? a : a + c), 0);
  const ratio = (labels[majority] as number) / (othersLabelled / (labels.length - 1));
  const coverage = othersLabelled === 0 ? 1 : othersPredicted / othersLabelled;
  if (!(ratio >= t.imbalanceRatio && coverage <= t.minorityCoverage)) return [];
  const epochs: [number, number] = [recent[0]?.epoch ?? 0, recent.at(-1)?.epoch ?? 0];
  const evidence =
    `class ${majority} has ${formatFigure(ratio)}x the labels of the average other class, and the other classes ` +
    `were predicted ${Math.round(coverage * 100)}% as often as they occur in ${epochSpan(epochs)}`;
  return [finding('class-imbalance', epochs, evidence)];
}
