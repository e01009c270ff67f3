import * as tf from '@tensorflow/tfjs-core';
import {
  assertDtype,
  assertKnownOptions,
  assertNonNegative,
  assertPositive,
  assertRank,
  assertSameShape,
} from '@baihua/core';
import { type ClassLabels, toTargetDistribution } from './class-labels.js';
import { fusedSoftmaxCrossEntropy } from './fused-softmax-cross-entropy.js';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link distillationLoss}. */
export interface DistillationLossOptions {
  /** Weight of the hard-label cross-entropy. Default 0.5. */
  alpha?: number;
  /** Weight of the teacher term. Default 0.5. */
  beta?: number;
  /** Temperature T > 0 that softens both distributions. Default 4. */
  temperature?: number;
  /** Default 'mean' (over samples, i.e. KL's 'batchmean'). */
  reduction?: Reduction;
}

const optionNames = optionKeys<DistillationLossOptions>({
  alpha: true,
  beta: true,
  temperature: true,
  reduction: true,
});

/**
 * Knowledge-distillation loss (Hinton et al.; the seed's L = alpha CE(y^, t) + beta KL(y^_tea || y^_stu)):
 *   L_n = alpha CE(softmax(z_s), t) + beta T^2 KL(softmax(z_t / T) || softmax(z_s / T))
 * The T^2 keeps the soft term's gradient, beta T (softmax(z_s/T) - softmax(z_t/T)), on the same
 * scale as the hard term's when T changes. Both terms use the fused softmax cross-entropy, so the
 * gradient with respect to the student logits is exact and finite for logits up to +/-1e4; the
 * teacher logits also get their exact gradient (pass tf.tensor copies you do not differentiate).
 *
 * Shapes: labels [N] int32 (or number[]) or [N, K] rows; studentLogits, teacherLogits [N, K] float32.
 * Out: scalar, or [N] with 'none'. Defaults: alpha 0.5, beta 0.5, temperature 4, reduction 'mean'.
 *
 * In plain words: the small student learns from the right answers and, at the same time, from how
 * the big teacher spreads its belief over the wrong ones.
 *
 * @example
 * const [student, teacher] = [tf.tensor2d([[0.2, 1.5, -1]]), tf.tensor2d([[1, 3, -2]])];
 * distillationLoss(tf.tensor1d([1], 'int32'), student, teacher, { temperature: 4 });
 */
export function distillationLoss(
  labels: ClassLabels,
  studentLogits: tf.Tensor,
  teacherLogits: tf.Tensor,
  options?: ScalarReduction<DistillationLossOptions>,
): tf.Scalar;
export function distillationLoss(
  labels: ClassLabels,
  studentLogits: tf.Tensor,
  teacherLogits: tf.Tensor,
  options: DistillationLossOptions,
): tf.Tensor;
export function distillationLoss(
  labels: ClassLabels,
  studentLogits: tf.Tensor,
  teacherLogits: tf.Tensor,
  options: DistillationLossOptions = {},
): tf.Tensor {
  const name = 'distillationLoss';
  assertKnownOptions(name, 'options', options, optionNames);
  assertRank(name, 'studentLogits', studentLogits, 2);
  assertSameShape(name, 'studentLogits', studentLogits, 'teacherLogits', teacherLogits);
  assertDtype(name, 'studentLogits', studentLogits, 'float32');
  assertDtype(name, 'teacherLogits', teacherLogits, 'float32');
  const { alpha = 0.5, beta = 0.5, temperature = 4 } = options;
  assertNonNegative(name, 'alpha', alpha);
  assertNonNegative(name, 'beta', beta);
  assertPositive(name, 'temperature', temperature);
  const reduction = checkReduction(name, options.reduction);
  return tf.tidy(() => {
    const targets = toTargetDistribution(name, labels, studentLogits, 'studentLogits');
    const hard = fusedSoftmaxCrossEntropy(targets, studentLogits);
    const teacherLogProbs = tf.logSoftmax(tf.div(teacherLogits, temperature));
    const teacherProbs = tf.exp(teacherLogProbs);
    // KL(p || q) = sum p ln p - sum p ln q; ln p comes from logSoftmax, so p = 0 gives 0, not NaN.
    const crossTerm = fusedSoftmaxCrossEntropy(teacherProbs, tf.div(studentLogits, temperature));
    const kl = tf.add(crossTerm, tf.sum(tf.mul(teacherProbs, teacherLogProbs), -1));
    const perSample = tf.add(tf.mul(hard, alpha), tf.mul(kl, beta * temperature * temperature));
    return reduceLosses(perSample, reduction);
  });
}
