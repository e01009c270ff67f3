import * as tf from '@tensorflow/tfjs-core';
import type { ScalarReduction } from './reduction.js';
import { oneHotFloat } from './one-hot-float.js';
import { type CtcLossOptions, checkCtcInputs } from './ctc-inputs.js';
import { checkTargetValues } from './ctc-target-values.js';
import { ctcImpossible, ctcNegativeLogLikelihood } from './ctc-lattice.js';

/**
 * Connectionist temporal classification loss (Graves et al. 2006), the seed's speech pipeline's
 * "CTC integrates the sequence": the negative log-probability of the target summed over every
 * alignment (blanks between and around labels, repeats merged),
 *   L_n = -ln sum_{pi: B(pi) = l_n} prod_{t < T_n} y_n,t(pi_t),  y = softmax(z) (fromLogits) or exp(input)
 * computed with the forward (alpha) recursion in log space and a custom gradient from the
 * backward (beta) recursion: dL_n/dz_t = softmax(z_t) - occupancy_t for logits, -occupancy_t for
 * log-probabilities (fromLogits: false), exactly 0 past T_n whatever those frames hold.
 *
 * Why tensor ops and a custom gradient: a loss must work inside tf.grad / optimizer.minimize, so
 * it cannot await tensor reads (a JS forward-backward would need `await data()` on webgpu).
 * The recursion is a loop of about a dozen small tf ops per frame over the [N, 2S+1] lattice;
 * the custom gradient runs the beta loop once instead of letting autograd record and replay
 * every op of the alpha loop, and gives the exact softmax-minus-occupancy form.
 *
 * Shapes: logits [N, T, C] float32, or [T, N, C] with timeMajor (PyTorch's and TensorFlow's layout);
 * targets [N, S] int32 or number[][]; inputLengths, targetLengths number[] of length N.
 * Frames t >= inputLengths[n] are never read: NaN or +-Infinity padding is fine.
 * Inside the lengths: finite logits (-Infinity allowed while a frame keeps one finite class), or
 * log-probabilities that are finite or -Infinity (probability 0; a target whose every alignment meets
 * one is infeasible: Infinity, or 0 with onInfeasible 'zero').
 * Out: scalar ('mean': each loss divided by max(1, its target length), then averaged, as PyTorch;
 * 'sum'), or [N] with 'none'. Defaults: fromLogits true, timeMajor false, blank 0, reduction 'mean',
 * onInfeasible 'throw'. An infeasible target gives Infinity ('infinity', and 'throw' with tensor
 * targets) or 0 ('zero'), with a zero gradient for that sequence. Tensor targets are not read:
 * out-of-range labels there go unnoticed unless you call {@link validateCtcInputs} first.
 * Unknown option keys throw (suggesting the closest known key).
 *
 * In plain words: the model says, frame by frame, which sound it hears; CTC adds up every way of
 * lining those frames up with the words, so no one has to mark where each word starts.
 *
 * @example
 * const logits = tf.randomNormal([2, 12, 5]); // [N, T, C]
 * const loss = ctcLoss({ logits, targets: [[1, 2, 2], [3]], inputLengths: [12, 9], targetLengths: [3, 1] });
 */
export function ctcLoss(options: ScalarReduction<CtcLossOptions>): tf.Scalar;
export function ctcLoss(options: CtcLossOptions): tf.Tensor;
export function ctcLoss(options: CtcLossOptions): tf.Tensor {
  const checked = checkCtcInputs(options);
  const { batch, frames, numClasses, width, blank, reduction, onInfeasible, fromLogits, timeMajor } = checked;
  const { logits, targets, inputLengths, targetLengths } = options;
  return tf.tidy(() => {
    const padded = padTargets(targets, targetLengths, batch, width, blank);
    const blanks = tf.fill([batch, width], blank, 'int32');
    const extended = tf.concat(
      [tf.reshape(tf.stack([blanks, padded], 2), [batch, 2 * width]), tf.fill([batch, 1], blank, 'int32')],
      1,
    );
    const states = 2 * width + 1;
    // The label two states back; states 0 and 1 compare with themselves, so they never skip.
    const twoBack = tf.concat(
      [tf.slice(extended, [0, 0], [batch, 2]), tf.slice(extended, [0, 0], [batch, states - 2])],
      1,
    );
    const skipAllowed = tf.logicalAnd(tf.notEqual(extended, blank), tf.notEqual(extended, twoBack));
    const skipPenalty = tf.where(skipAllowed, tf.zeros([batch, states]), tf.fill([batch, states], ctcImpossible));
    const finals = targetLengths.map((length) =>
      Array.from({ length: states }, (_, s) => (s === 2 * length || s === 2 * length - 1 ? 0 : ctcImpossible)),
    );
    const active = Array.from({ length: frames }, (_, t) => inputLengths.map((length) => [t < length ? 1 : 0]));
    const batchMajor = timeMajor ? tf.transpose(logits, [1, 0, 2]) : logits;
    const losses = ctcNegativeLogLikelihood(batchMajor, {
      extendedOneHot: oneHotFloat(extended, numClasses),
      skipPenalty,
      finalPenalty: tf.tensor2d(finals, [batch, states], 'float32'),
      active: tf.tensor3d(active, [frames, batch, 1], 'float32'),
      infeasibleValue: onInfeasible === 'zero' ? 0 : Number.POSITIVE_INFINITY,
      fromLogits,
    });
    if (reduction === 'none') return losses;
    if (reduction === 'sum') return tf.sum(losses);
    return tf.mean(
      tf.div(
        losses,
        tf.tensor1d(
          targetLengths.map((length) => Math.max(1, length)),
          'float32',
        ),
      ),
    );
  });
}

/** Targets as [N, width] int32 with the blank past each length (and in an all-empty batch's one column). */
function padTargets(
  targets: CtcLossOptions['targets'],
  targetLengths: readonly number[],
  batch: number,
  width: number,
  blank: number,
): tf.Tensor {
  if (Array.isArray(targets)) {
    const rows = (targets as readonly (readonly number[])[]).map((row, n) =>
      Array.from({ length: width }, (_, i) => (i < (targetLengths[n] as number) ? (row[i] as number) : blank)),
    );
    return tf.tensor2d(rows, [batch, width], 'int32');
  }
  const tensor = targets as tf.Tensor;
  const columns = tensor.shape[1] as number;
  const used =
    columns >= width
      ? tf.slice(tensor, [0, 0], [batch, width])
      : tf.concat([tensor, tf.fill([batch, width - columns], blank, 'int32')], 1);
  const inside = tf.tensor2d(
    targetLengths.map((length) => Array.from({ length: width }, (_, i) => i < length)),
    [batch, width],
    'bool',
  );
  return tf.where(inside, used, tf.fill([batch, width], blank, 'int32'));
}

/**
 * Checks ctcLoss's arguments including what a tensor `targets` holds (label values in range and not
 * blank; with onInfeasible 'throw', that every target fits its input length), reading the tensor
 * with `await data()` (webgpu cannot read synchronously in Node). Throws the error ctcLoss would.
 *
 * In plain words: ctcLoss's checks, plus a look at the labels inside a tensor of targets.
 *
 * @example
 * await validateCtcInputs(args); // then: const loss = ctcLoss(args);
 */
export async function validateCtcInputs(options: CtcLossOptions): Promise<void> {
  const checked = checkCtcInputs(options, 'validateCtcInputs');
  if (Array.isArray(options.targets)) return;
  const tensor = options.targets as tf.Tensor;
  const rows = (await tensor.array()) as number[][];
  checkTargetValues('validateCtcInputs', rows, {
    ...options,
    numClasses: checked.numClasses,
    blank: checked.blank,
    onInfeasible: checked.onInfeasible,
  });
}
