/**
 * Separable Gaussian blur of a [D, H, W] volume (row-major Float32Array), standard deviations
 * `sigmas` [sz, sy, sx] in voxels (0 leaves an axis as it is); kernel radius ceil(3 sigma), edges
 * by clamping (the border voxel repeats), weights normalised to sum 1. Returns a new array.
 *
 * @example
 * const blurred = gaussianBlur3d(values, [16, 24, 24], [0.3, 0.8, 0.8]);
 *
 * In plain words: the scanner's slight smear, which mixes each voxel with its neighbours.
 */
export function gaussianBlur3d(
  values: Float32Array,
  shape: readonly [number, number, number],
  sigmas: readonly [number, number, number],
): Float32Array {
  let current = Float32Array.from(values);
  const strides = [shape[1] * shape[2], shape[2], 1];
  for (let axis = 0; axis < 3; axis++) {
    const sigma = sigmas[axis] as number;
    if (sigma <= 0) continue;
    const radius = Math.ceil(3 * sigma);
    const raw = Array.from({ length: 2 * radius + 1 }, (_, t) => Math.exp(-((t - radius) ** 2) / (2 * sigma * sigma)));
    const total = raw.reduce((a, b) => a + b, 0);
    const weights = raw.map((w) => w / total);
    const size = shape[axis] as number;
    const stride = strides[axis] as number;
    const next = new Float32Array(current.length);
    for (let index = 0; index < current.length; index++) {
      const position = Math.floor(index / stride) % size;
      const base = index - position * stride;
      let sum = 0;
      for (let t = -radius; t <= radius; t++) {
        const p = Math.min(size - 1, Math.max(0, position + t));
        sum += (weights[t + radius] as number) * (current[base + p * stride] as number);
      }
      next[index] = sum;
    }
    current = next;
  }
  return current;
}
