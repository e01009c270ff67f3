/** An ellipsoid in millimetres: centre [z, y, x], semi-axes along its own axes, and a rotation. */
export interface Ellipsoid {
  centre: readonly [number, number, number];
  semiAxes: readonly [number, number, number];
  /** Row-major 3 x 3 rotation whose columns are the ellipsoid's axes in [z, y, x] coordinates. */
  rotation: readonly number[];
}

/** A voxel grid: shape [D, H, W] and spacing [dz, dy, dx] in mm; voxel (i, j, k) is centred at (i dz, j dy, k dx). */
export interface VoxelGrid {
  shape: readonly [number, number, number];
  spacing: readonly [number, number, number];
}

/**
 * The fraction of each voxel that lies inside the ellipsoid, by supersampling: s x s x s points
 * per voxel at offsets ((m + 1/2) / s - 1/2) of the voxel's size, a point inside when
 * sum_a (q_a / r_a)^2 <= 1 for q = R^T (p - centre). Voxels far from the surface are decided from
 * their centre alone (every point in or out). Out: Float32Array of D H W values in [0, 1].
 *
 * @example
 * const occ = ellipsoidOccupancy({ shape: [8, 8, 8], spacing: [1, 1, 1] },
 *   { centre: [3.5, 3.5, 3.5], semiAxes: [3, 3, 3], rotation: [1, 0, 0, 0, 1, 0, 0, 0, 1] }, 4);
 *
 * In plain words: how much of each little cube the egg fills, which is what a scanner's voxel averages.
 */
export function ellipsoidOccupancy(grid: VoxelGrid, ellipsoid: Ellipsoid, supersample: number): Float32Array {
  const [depth, height, width] = grid.shape;
  const spacing = grid.spacing;
  const [cz, cy, cx] = ellipsoid.centre;
  const inverse = ellipsoid.semiAxes.map((r) => 1 / r);
  const m = ellipsoid.rotation;
  const out = new Float32Array(depth * height * width);
  const offsets = Array.from({ length: supersample }, (_, s) => (s + 0.5) / supersample - 0.5);
  const halfDiagonal = 0.5 * Math.hypot(...spacing);
  const smallest = Math.min(...ellipsoid.semiAxes);
  // Normalised radius q/r changes by at most halfDiagonal / smallest inside one voxel.
  const band = halfDiagonal / smallest;
  const inside = (pz: number, py: number, px: number): number => {
    let sum = 0;
    for (let a = 0; a < 3; a++) {
      const q =
        ((m[a] as number) * pz + (m[3 + a] as number) * py + (m[6 + a] as number) * px) * (inverse[a] as number);
      sum += q * q;
    }
    return sum;
  };
  const samples = supersample ** 3;
  for (let i = 0; i < depth; i++) {
    for (let j = 0; j < height; j++) {
      for (let k = 0; k < width; k++) {
        const [pz, py, px] = [i * spacing[0] - cz, j * spacing[1] - cy, k * spacing[2] - cx];
        const radius = Math.sqrt(inside(pz, py, px));
        const index = (i * height + j) * width + k;
        if (radius <= 1 - band) out[index] = 1;
        if (radius <= 1 - band || radius >= 1 + band) continue;
        let count = 0;
        for (const oz of offsets)
          for (const oy of offsets)
            for (const ox of offsets)
              if (inside(pz + oz * spacing[0], py + oy * spacing[1], px + ox * spacing[2]) <= 1) count++;
        out[index] = count / samples;
      }
    }
  }
  return out;
}

/**
 * The rotation (row-major 3 x 3, columns = the ellipsoid's axes in [z, y, x]) that tilts the long
 * axis from z by `tilt` radians towards the azimuth `azimuth` and turns the short axes by `roll`.
 *
 * @example
 * rotationFromAngles(0, 0, 0); // the identity: long axis along z
 *
 * In plain words: which way the heart's long axis points in the scanner.
 */
export function rotationFromAngles(tilt: number, azimuth: number, roll: number): number[] {
  const rz = (angle: number): number[] => {
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    // Rotation about z in [z, y, x] order: turns y towards x.
    return [1, 0, 0, 0, c, -s, 0, s, c];
  };
  const ry = (angle: number): number[] => {
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    // Rotation in the z-y plane: tilts z towards y.
    return [c, -s, 0, s, c, 0, 0, 0, 1];
  };
  return multiply(rz(azimuth), multiply(ry(tilt), rz(roll)));
}

function multiply(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: 9 }, (_, n) => {
    const [row, col] = [Math.floor(n / 3), n % 3];
    return (
      (a[row * 3] as number) * (b[col] as number) +
      (a[row * 3 + 1] as number) * (b[3 + col] as number) +
      (a[row * 3 + 2] as number) * (b[6 + col] as number)
    );
  });
}
