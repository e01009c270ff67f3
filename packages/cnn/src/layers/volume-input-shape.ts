import { ShapeError, describeShape } from '@baihua/core';

/** A window (kernel or pool) that must fit the input when padding is 'valid'. */
export interface VolumeWindow {
  /** What the window is, for the message: 'kernel', 'effective kernel', 'pool window'. */
  what: string;
  /** Its span per axis, [depth, height, width] (a dilated kernel's effective span). */
  size: readonly [number, number, number];
  padding: string;
}

/**
 * Checks, at build, that a 3-D layer's input is a batch of volumes, [batch, depth, height, width,
 * channels], and that a window fits it when padding is 'valid' (else no output voxel would exist).
 * Errors name the layer: `Conv3D: expected input of rank 5 ...`, `MaxPool3D: pool window 2x2x2 is
 * larger than the input 1x4x4 ...`.
 *
 * @example
 * checkVolumeInputShape('MaxPool3D', [2, 8, 8, 8, 1]); // passes
 * checkVolumeInputShape('MaxPool3D', [2, 8, 8, 1]);    // throws ShapeError
 *
 * In plain words: a 3-D layer wants a stack of boxes of voxels, big enough for its window.
 */
export function checkVolumeInputShape(typeName: string, inputShape: readonly number[], window?: VolumeWindow): void {
  if (inputShape.length !== 5) {
    throw new ShapeError(
      typeName,
      `expected input of rank 5 ([batch, depth, height, width, channels]), got rank ${inputShape.length} ` +
        `(shape ${describeShape(inputShape)})`,
    );
  }
  const volume = inputShape.slice(1, 4);
  if (window?.padding === 'valid' && window.size.some((s, axis) => s > (volume[axis] as number))) {
    throw new ShapeError(
      typeName,
      `${window.what} ${window.size.join('x')} is larger than the input ${volume.join('x')} (shape ` +
        `${describeShape(inputShape)}) with padding 'valid'; use padding 'same' or a smaller window`,
    );
  }
}
