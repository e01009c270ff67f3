import { ArgumentError } from '@baihua/core';

/** Voxel spacing [dz, dy, dx] in millimetres: slice distance, then row and column pitch. */
export type VoxelSpacing = readonly [number, number, number];

/**
 * Throws `fn: expected spacing to be [dz, dy, dx] in mm, each a finite number > 0, got [0,1,1]`
 * unless `spacing` is three finite positive numbers; returns it typed.
 *
 * @example
 * checkVoxelSpacing('cavityVolumes', 'spacing', [8, 1.5, 1.5]);
 *
 * In plain words: a voxel with no size has no volume, so refuse it before counting.
 */
export function checkVoxelSpacing(fn: string, argument: string, spacing: unknown): VoxelSpacing {
  const valid =
    Array.isArray(spacing) &&
    spacing.length === 3 &&
    spacing.every((s) => typeof s === 'number' && Number.isFinite(s) && s > 0);
  if (!valid) {
    const got = Array.isArray(spacing) ? `[${spacing.map(String).join(',')}]` : String(spacing);
    throw new ArgumentError(fn, `expected ${argument} to be [dz, dy, dx] in mm, each a finite number > 0, got ${got}`);
  }
  return spacing as unknown as VoxelSpacing;
}

/**
 * The volume of one voxel in millilitres: dz dy dx / 1000 (1 mL = 1,000 mm^3).
 *
 * @example
 * voxelVolumeMl([10, 1, 1]); // 0.01
 *
 * In plain words: how much blood one little brick of the scan holds.
 */
export function voxelVolumeMl(spacing: VoxelSpacing): number {
  const [dz, dy, dx] = checkVoxelSpacing('voxelVolumeMl', 'spacing', spacing);
  return (dz * dy * dx) / 1000;
}
