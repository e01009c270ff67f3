import { ShapeError, describeShape } from '@baihua/core';

/**
 * Checks, at build, that a 3-D layer's input is a batch of volumes, [batch, depth, height, width,
 * channels], and names the layer when it is not (`Conv3D: expected input of rank 5 ...`).
 *
 * @example
 * checkVolumeInputShape('MaxPool3D', [2, 8, 8, 8, 1]); // passes
 * checkVolumeInputShape('MaxPool3D', [2, 8, 8, 1]);    // throws ShapeError
 *
 * In plain words: a 3-D layer wants a stack of boxes of voxels, not a stack of pictures.
 */
export function checkVolumeInputShape(typeName: string, inputShape: readonly number[]): void {
  if (inputShape.length !== 5) {
    throw new ShapeError(
      typeName,
      `expected input of rank 5 ([batch, depth, height, width, channels]), got rank ${inputShape.length} ` +
        `(shape ${describeShape(inputShape)})`,
    );
  }
}
