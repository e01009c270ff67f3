import type { IntervalFigures } from './diagnostics-record.js';
import type { IntervalLayout } from './interval-accumulator.js';

/** Mean of the finite values; NaN when none is finite. */
function finiteMean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
}

/**
 * The figures of one interval from the numbers {@link IntervalAccumulator.close} put in one tensor
 * (read once). Means skip the steps whose loss or gradient norm was NaN or infinite (those are
 * counted in `nonFiniteSteps`; so is a step whose float32 sum of squared gradients overflows, above
 * about 1e19 per element); a mean over no finite step is NaN. Update ratio: ||W_end - W_start|| /
 * ||W_start||, 0 for a layer whose weights started and stayed at 0.
 *
 * @example intervalFigures(Array.from(await values.data()), layout);
 * In plain words: turn the tally's raw numbers into the record's named figures.
 */
export function intervalFigures(values: readonly number[], layout: IntervalLayout): IntervalFigures {
  const { steps, layers, columns, reluLayers, classes } = layout;
  const width = 1 + columns.length;
  const row = (i: number) => values.slice(i * width, (i + 1) * width);
  const rows = Array.from({ length: steps }, (_, i) => row(i));
  const losses = rows.map((r) => r[0] as number);
  const squaresOf = (r: readonly number[], layer?: string) =>
    columns.reduce((sum, name, j) => (layer === undefined || name === layer ? sum + (r[1 + j] as number) : sum), 0);
  const norms = rows.map((r) => Math.sqrt(squaresOf(r)));
  const nonFiniteSteps = losses.filter((loss, i) => !Number.isFinite(loss) || !Number.isFinite(norms[i])).length;
  const finiteNorms = norms.filter(Number.isFinite);
  let at = steps * width;
  const take = (n: number) => {
    const part = values.slice(at, at + n);
    at += n;
    return part;
  };
  const counts = take(2 * classes);
  const dead = take(reluLayers.length);
  const [ends, starts, changes] = [take(layers.length), take(layers.length), take(layers.length)];
  const byLayer = (f: (i: number) => number) => Object.fromEntries(layers.map((name, i) => [name, f(i)]));
  const figures: IntervalFigures = {
    epoch: layout.epoch,
    step: layout.step,
    steps,
    loss: finiteMean(losses),
    gradientNorm: finiteMean(norms),
    maxGradientNorm: finiteNorms.length === 0 ? Number.NaN : Math.max(...finiteNorms),
    layerGradientNorms: byLayer((i) => finiteMean(rows.map((r) => Math.sqrt(squaresOf(r, layers[i]))))),
    layerWeightNorms: byLayer((i) => ends[i] as number),
    layerUpdateRatios: byLayer((i) => {
      const change = changes[i] as number;
      return change === 0 ? 0 : change / (starts[i] as number);
    }),
    deadUnitFractions: Object.fromEntries(reluLayers.map((name, i) => [name, dead[i] as number])),
    nonFiniteSteps,
  };
  if (classes > 0) {
    figures.predictedClasses = counts.slice(0, classes).map(Math.round);
    figures.labelClasses = counts.slice(classes).map(Math.round);
  }
  return figures;
}
