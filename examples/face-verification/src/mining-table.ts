import type { TripletMining } from '@baihua/apps/face';
import type { MiningResult } from './verify-glyphs.js';

/** A fraction as a percentage; 'n/a' where the report could not measure it (NaN: too few pairs). */
const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : 'n/a');

/**
 * The mining comparison as a Markdown table: AUC, EER, 10-fold accuracy (mean ± std), TAR at
 * FAR = 1e-3, the mean loss of the last 20 steps and the seconds (training and evaluation).
 *
 * In plain words: which way of picking triplets taught the net the most in the same number of steps.
 */
export function miningTable(results: Partial<Record<TripletMining, MiningResult>>, steps: number): string {
  const lines = [
    `| mining (${steps} steps each) | AUC | EER | accuracy (10-fold) | TAR at FAR=1e-3 | final loss | seconds |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const [mining, result] of Object.entries(results) as [TripletMining, MiningResult][]) {
    const { report } = result;
    lines.push(
      `| ${mining} | ${report.auc.toFixed(4)} | ${percent(report.eer)} | ${percent(report.accuracy)} ± ` +
        `${percent(report.accuracyStd)} | ${percent(report.tarAtFar)} | ${result.finalLoss.toFixed(4)} | ` +
        `${result.seconds.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

/** The mining with the highest AUC (the first on ties). */
export function bestMining(results: Partial<Record<TripletMining, MiningResult>>): TripletMining {
  const entries = Object.entries(results) as [TripletMining, MiningResult][];
  return entries.reduce((best, entry) => (entry[1].report.auc > best[1].report.auc ? entry : best))[0];
}
