import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, describeShape, type Layer } from '@baihua/core';
import { distillationLoss } from '@baihua/losses';
import { checkedLogits, type LogitsFunction } from './classifier.js';
import type { LabelledImages } from './distill-options.js';

/**
 * The training targets of distillation as one tensor [N, 2K]: the one-hot labels (columns 0..K-1)
 * beside the teacher's logits (K..2K-1), so core's `fit` shuffles and batches both with x. The
 * teacher runs once per row, `batchSize` rows at a time, in inference mode and outside any
 * gradient tape (the teacher is frozen and the rows are not augmented, so its logits never
 * change). Also checks, on the first row, that the student's logits have the teacher's shape.
 * The caller disposes the result; on error nothing is left.
 *
 * @example const targets = packedTargets('distill', teacherOf, student, data, 64); // [N, 2K]
 *
 * In plain words: write the teacher's answers next to the answer key, once, before the lessons.
 */
export function packedTargets(
  fn: string,
  teacherOf: LogitsFunction,
  student: Layer,
  data: LabelledImages,
  batchSize: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const n = data.x.shape[0] as number;
    const parts: tf.Tensor[] = [];
    for (let start = 0; start < n; start += batchSize) {
      const x = tf.slice(data.x, start, Math.min(batchSize, n - start));
      parts.push(checkedLogits(fn, 'teacher', teacherOf, x, parts[0]?.shape[1]));
    }
    const teacherLogits = parts.length === 1 ? (parts[0] as tf.Tensor) : tf.concat(parts, 0);
    const classes = teacherLogits.shape[1] as number;
    const first = tf.slice(data.x, 0, 1);
    const got = student.apply(first).shape;
    if (got.length !== 2 || got[1] !== classes)
      throw new ShapeError(
        fn,
        `expected the student's output to have the teacher's shape [N,${classes}], got ${describeShape(got)}`,
      );
    const labels = data.y.rank === 1 ? tf.oneHot(data.y, classes) : data.y;
    if (labels.shape[1] !== classes)
      throw new ShapeError(
        fn,
        `expected data.y of shape [${n},${classes}] (the teacher's K), got ${describeShape(data.y.shape)}`,
      );
    return tf.concat([tf.cast(labels, 'float32'), teacherLogits], 1) as tf.Tensor2D;
  });
}

/**
 * The loss core's `fit` minimises on packed targets [B, 2K] (see {@link packedTargets}) and student
 * logits z_s [B, K]: distillationLoss with alpha on the hard term and beta = 1 - alpha on the soft one,
 *   L = alpha CE(softmax(z_s), t) + (1 - alpha) T^2 KL(softmax(z_t / T) || softmax(z_s / T)),
 * mean over the batch. The teacher logits are data, so no gradient flows to the teacher.
 *
 * @example const loss = packedDistillationLoss(0.5, 4); // (targets, logits) => Scalar
 *
 * In plain words: how far the student is from the answer key and from the teacher's soft answers.
 */
export function packedDistillationLoss(alpha: number, temperature: number) {
  return (targets: tf.Tensor, studentLogits: tf.Tensor): tf.Scalar => {
    const classes = studentLogits.shape[1] as number;
    const labels = tf.slice(targets, [0, 0], [-1, classes]);
    const teacherLogits = tf.slice(targets, [0, classes], [-1, classes]);
    return distillationLoss(labels, studentLogits, teacherLogits, { alpha, beta: 1 - alpha, temperature });
  };
}
