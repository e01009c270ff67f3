import * as tf from '@tensorflow/tfjs-core';
import { Adam, History, fit, type EpochLogs, type Layer } from '@baihua/core';
import { logitsFunctionOf } from './classifier.js';
import { classifierAccuracy } from './classifier-accuracy.js';
import { checkDistillOptions, type DistillOptions } from './distill-options.js';
import { packedDistillationLoss, packedTargets } from './packed-targets.js';

export type { DistillOptions, LabelledImages } from './distill-options.js';

/** What {@link distill} returns. */
export interface DistillResult {
  /** The student, trained in place (the same object that was passed in). */
  student: Layer;
  /** Per epoch: `loss` (the distillation loss, mean over the epoch), `learningRate`, `seconds`, `valAccuracy`. */
  history: History;
}

/**
 * Knowledge distillation (Hinton, Vinyals and Dean 2015; the seed's 模型压缩, teacher -> student):
 * trains `student` with core's `fit` (Adam, seeded shuffling) on the losses package's
 * `distillationLoss`,
 *   L = alpha CE(softmax(z_s), t) + (1 - alpha) T^2 KL(softmax(z_t / T) || softmax(z_s / T)),
 * where z_t are the teacher's logits, computed once per training row, in batches, without
 * gradient (the teacher is frozen), and z_s the student's. alpha = 1 is plain training on the
 * labels; alpha = 0 learns from the teacher alone.
 *
 * Shapes: data.x [N, ...] (what both models take), data.y [N] int32 or [N, K] one-hot; teacher and
 * student map x to logits [N, K] (same K, checked before training). Defaults: temperature 4,
 * alpha 0.5, 10 epochs, batch 64, Adam lr 1e-3, seed 0, no printing. Errors (bad options, shapes)
 * are thrown before training starts and leave no tensor behind; so does a failure during training.
 *
 * @example
 * const { history } = await distill({ teacher: lenet, student: mlp, data: { x, y }, temperature: 4, alpha: 0.5 });
 *
 * In plain words: a small student copies a big teacher's way of hesitating between digits, and
 * learns more from it than from the bare answers.
 */
export async function distill(options: DistillOptions): Promise<DistillResult> {
  const settings = checkDistillOptions(options);
  const { student, data, validationData } = options;
  const teacherOf = logitsFunctionOf('distill', 'teacher', options.teacher);
  const targets = packedTargets('distill', teacherOf, student, data, settings.batchSize);
  const optimizer = options.optimizer ?? new Adam({ learningRate: settings.learningRate });
  const history = new History();
  try {
    await fit(
      student,
      { x: data.x, y: targets },
      {
        loss: packedDistillationLoss(settings.alpha, settings.temperature),
        optimizer,
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        seed: settings.seed,
        progress: settings.progress,
        ...(options.schedule ? { learningRate: options.schedule } : {}),
        callbacks: {
          onEpochEnd: async (epoch: number, logs: EpochLogs) => {
            const record = { ...logs };
            if (validationData)
              record.valAccuracy = await classifierAccuracy('distill', (x) => student.apply(x), validationData);
            history.record(epoch, record);
            options.onProgress?.(epoch + 1, settings.epochs, record);
          },
        },
      },
    );
    return { student, history };
  } finally {
    tf.dispose(targets);
    if (!options.optimizer) optimizer.dispose();
  }
}
