import * as tf from '@tensorflow/tfjs-core';
import { oneHotClasses } from './attack-direction.js';
import { type AttackResult, attackReport } from './attack-report.js';
import type { AttackSetup } from './attack-setup.js';
import { sliceRows } from './classifier.js';
import { type LinfSettings, linfSteps } from './linf-steps.js';

/**
 * The batched driver FGSM and PGD share: {@link linfSteps} on every batch of `setup.batchSize`
 * images towards their label (or away from it, towards the target when `setup.targets` is given),
 * the batches joined, then the success report. Bounds and direction come from the setup.
 */
export async function linfAttack(
  fn: string,
  setup: AttackSetup,
  images: tf.Tensor,
  settings: Omit<LinfSettings, 'bounds' | 'targeted'>,
): Promise<AttackResult> {
  const { f, bounds, targets, numClasses, batchSize } = setup;
  const classes = targets ?? setup.labels;
  const rows = images.shape[0] as number;
  const steps = { ...settings, bounds, targeted: targets !== undefined };
  const parts: tf.Tensor[] = [];
  try {
    for (let start = 0; start < rows; start += batchSize) {
      const size = Math.min(batchSize, rows - start);
      const x = sliceRows(images, start, size);
      const wanted = oneHotClasses(classes.slice(start, start + size), numClasses);
      try {
        parts.push(await linfSteps(f, x, wanted, steps));
      } finally {
        tf.dispose([x, wanted]);
      }
    }
    const adversarial = parts.length === 1 ? (parts[0] as tf.Tensor) : tf.concat(parts);
    if (parts.length > 1) tf.dispose(parts);
    parts.length = 0;
    return await attackReport(fn, f, images, adversarial, setup.labels, targets, batchSize);
  } finally {
    tf.dispose(parts);
  }
}
