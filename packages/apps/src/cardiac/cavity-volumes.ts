import * as tf from '@tensorflow/tfjs-core';
import { assertInRange, assertKnownOptions, assertRank, describeShape, ShapeError } from '@baihua/core';
import { checkVoxelSpacing, voxelVolumeMl, type VoxelSpacing } from './voxel-spacing.js';

/** Options of {@link cavityVolumes}. */
export interface CavityVolumesOptions {
  /** A voxel counts as cavity where the mask (or probability) is >= threshold. Default 0.5. */
  threshold?: number;
}

/**
 * The cavity volume at each phase, in mL, from masks or probabilities:
 *   V_k = (number of voxels with m >= threshold in phase k) x dz dy dx / 1000.
 * Masks [phases, D, H, W] or [phases, D, H, W, 1] (float32, int32 or bool); spacing [dz, dy, dx] in mm, each > 0.
 * Read back asynchronously (so it also works on webgpu); allocates no lasting tensors.
 *
 * @example
 * const volumes = await cavityVolumes(masks, [7, 4.5, 4.5]); // [118.4, 102.1, ...]
 *
 * In plain words: count the cavity's voxels in each frame and multiply by one voxel's volume.
 */
export async function cavityVolumes(
  masks: tf.Tensor,
  spacing: VoxelSpacing,
  options: CavityVolumesOptions = {},
): Promise<number[]> {
  const fn = 'cavityVolumes';
  assertRank(fn, 'masks', masks, [4, 5]);
  if (masks.rank === 5 && masks.shape[4] !== 1)
    throw new ShapeError(
      fn,
      `expected masks of one channel [phases, D, H, W, 1], got shape ${describeShape(masks.shape)}`,
    );
  const checked = checkVoxelSpacing(fn, 'spacing', spacing);
  assertKnownOptions(fn, 'options', options, ['threshold']);
  const { threshold = 0.5 } = options;
  assertInRange(fn, 'options.threshold', threshold, { min: 0, max: 1, minExclusive: true });
  const counts = tf.tidy(() =>
    tf.sum(
      tf.cast(
        tf.greaterEqual(tf.reshape(tf.cast(masks, 'float32'), [masks.shape[0] as number, -1]), threshold),
        'float32',
      ),
      1,
    ),
  );
  try {
    return Array.from(await counts.data(), (count) => count * voxelVolumeMl(checked));
  } finally {
    counts.dispose();
  }
}
