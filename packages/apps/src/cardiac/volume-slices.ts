/** A 2-D cut of a volume: values row-major, its size in voxels, and how many pixels each voxel spans. */
export interface VolumeSlice {
  values: Float32Array;
  rows: number;
  cols: number;
  /** Pixels per voxel along rows and along columns (different for anisotropic voxels). */
  rowScale: number;
  colScale: number;
}

/**
 * The two mid cuts of phase `phase` of a [phases, D, H, W] cine: the short-axis slice z = floor(D/2)
 * (H x W) and the long-axis cut y = floor(H/2) (D x W). `scale` pixels per in-plane voxel (dx, dy);
 * the long-axis cut's rows are stretched by dz / dx so that millimetres look alike on both.
 *
 * @example
 * const [shortAxis, longAxis] = midSlices(images, [16, 20, 20], [7, 4.5, 4.5], 0, 6);
 *
 * In plain words: cut the volume across and along the heart, through its middle.
 */
export function midSlices(
  values: ArrayLike<number>,
  shape: readonly [number, number, number],
  spacing: readonly [number, number, number],
  phase: number,
  scale: number,
): [VolumeSlice, VolumeSlice] {
  const [depth, height, width] = shape;
  const base = phase * depth * height * width;
  const z = Math.floor(depth / 2);
  const y = Math.floor(height / 2);
  const across = new Float32Array(height * width);
  for (let j = 0; j < height; j++)
    for (let k = 0; k < width; k++) across[j * width + k] = values[base + (z * height + j) * width + k] as number;
  const along = new Float32Array(depth * width);
  for (let i = 0; i < depth; i++)
    for (let k = 0; k < width; k++) along[i * width + k] = values[base + (i * height + y) * width + k] as number;
  const rowScale = Math.max(1, Math.round((scale * spacing[0]) / spacing[2]));
  return [
    {
      values: across,
      rows: height,
      cols: width,
      rowScale: Math.max(1, Math.round((scale * spacing[1]) / spacing[2])),
      colScale: scale,
    },
    { values: along, rows: depth, cols: width, rowScale, colScale: scale },
  ];
}
