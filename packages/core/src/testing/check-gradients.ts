import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '../random/seeded-random.js';

/** Options for {@link checkGradients}. */
export interface CheckGradientsOptions {
  /** Finite-difference step, relative to max(1, |x|). Default 1e-2 (float32 rounding dominates below it). */
  step?: number;
  /** Pass when |numeric - analytic| <= atol + rtol * max |analytic| per input. Defaults rtol 2e-2, atol 2e-3. */
  rtol?: number;
  atol?: number;
  /** Check at most this many elements per input (chosen evenly). Default 64. */
  maxElementsPerInput?: number;
  /** Seed of the fixed random weights that reduce a non-scalar output to a scalar. */
  seed?: number;
}

/** What {@link checkGradients} compared: per input, the worst error and where it was. */
export interface GradientCheckResult {
  inputs: { maxError: number; limit: number; worstIndex: number; analytic: number; numeric: number }[];
}

/**
 * Compares tfjs autograd's gradient of `fn` with central finite differences,
 * (f(x + h) - f(x - h)) / 2h, element by element. A non-scalar output is reduced to
 * L = sum(w * fn(...)) with fixed random weights w, so every output element matters.
 * Computes in float32, hence the step and tolerances above; keep inputs small.
 *
 * @throws Error naming the input, the element, and both gradients, when they disagree.
 * @example
 * await checkGradients((x) => tf.sigmoid(x), [tf.tensor([-1, 0, 2])]);
 */
export async function checkGradients(
  fn: (...inputs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
  options: CheckGradientsOptions = {},
): Promise<GradientCheckResult> {
  const { step = 1e-2, rtol = 2e-2, atol = 2e-3, maxElementsPerInput = 64, seed = 7 } = options;
  const weightsHolder: { weights?: tf.Tensor } = {};
  const scalarLoss = (...xs: tf.Tensor[]): tf.Scalar =>
    tf.tidy(() => {
      const out = fn(...xs);
      if (!weightsHolder.weights) {
        const rng = createRandom(seed);
        weightsHolder.weights = tf.keep(
          tf.tensor(
            Array.from({ length: out.size }, () => rng.next() * 2 - 1),
            out.shape,
          ),
        );
      }
      return tf.sum(tf.mul(out, weightsHolder.weights));
    });
  try {
    const analytic = tf.grads(scalarLoss)(inputs);
    const analyticValues = await Promise.all(analytic.map((g) => g.data()));
    tf.dispose(analytic);
    const result: GradientCheckResult = { inputs: [] };
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k] as tf.Tensor;
      const base = Float32Array.from(await input.data());
      const gradient = analyticValues[k] as ArrayLike<number>;
      const indices = pickIndices(base.length, maxElementsPerInput);
      let maxAnalytic = 0;
      for (const i of indices) maxAnalytic = Math.max(maxAnalytic, Math.abs(gradient[i] as number));
      const limit = atol + rtol * maxAnalytic;
      let worst = { maxError: -1, worstIndex: -1, analytic: 0, numeric: 0 };
      for (const i of indices) {
        const x = base[i] as number;
        const h = step * Math.max(1, Math.abs(x));
        const at = async (value: number) => {
          const perturbed = Float32Array.from(base);
          perturbed[i] = value;
          const replaced = inputs.map((t, j) => (j === k ? tf.tensor(perturbed, input.shape, 'float32') : t));
          const loss = scalarLoss(...replaced);
          const v = (await loss.data())[0] as number;
          tf.dispose([loss, replaced[k] as tf.Tensor]);
          return { v, used: Math.fround(value) };
        };
        const plus = await at(x + h);
        const minus = await at(x - h);
        const numeric = (plus.v - minus.v) / (plus.used - minus.used);
        const error = Math.abs(numeric - (gradient[i] as number));
        if (!(error <= worst.maxError) || worst.worstIndex < 0)
          worst = { maxError: error, worstIndex: i, analytic: gradient[i] as number, numeric };
      }
      result.inputs.push({ ...worst, limit });
      if (!(worst.maxError <= limit)) {
        throw new Error(
          `checkGradients: input ${k} (shape [${input.shape.join(',')}]) element ${worst.worstIndex}: ` +
            `analytic ${worst.analytic}, numeric ${worst.numeric}, ` +
            `|diff| ${worst.maxError.toExponential(3)} > ${limit.toExponential(3)}`,
        );
      }
    }
    return result;
  } finally {
    weightsHolder.weights?.dispose();
  }
}

function pickIndices(size: number, most: number): number[] {
  if (size <= most) return Array.from({ length: size }, (_, i) => i);
  return Array.from({ length: most }, (_, i) => Math.floor((i * size) / most));
}
