import { ArgumentError, assertKnownOptions, assertPositiveInteger, createRandom } from '@baihua/core';
import { cycleVolumeFraction, endSystolicPhaseOf } from './cardiac-cycle.js';
import { ejectionFraction, type EjectionFractionResult } from './ejection-fraction.js';
import { ellipsoidOccupancy, rotationFromAngles, type VoxelGrid } from './ellipsoid-occupancy.js';
import { gaussianBlur3d } from './gaussian-blur3d.js';
import { drawPhantomParameters, type PhantomParameters } from './phantom-parameters.js';
import { checkVoxelSpacing, voxelVolumeMl, type VoxelSpacing } from './voxel-spacing.js';

/** Options of {@link cardiacPhantomCase} and {@link cardiacPhantomCases}. */
export interface CardiacPhantomOptions {
  /** Grid [D, H, W]: D short-axis slices of H x W voxels. Default [16, 20, 20]. */
  shape?: readonly [number, number, number];
  /** Voxel spacing [dz, dy, dx], mm. Default [7, 4.5, 4.5] (a 112 x 90 x 90 mm field around the ventricle). */
  spacing?: VoxelSpacing;
  /** Phases per cycle: a number, or [min, max] drawn per case. Default [10, 20]. */
  phases?: number | readonly [number, number];
  /** Points per voxel edge when measuring partial volumes. Default 3 (27 points per voxel). */
  supersample?: number;
}

/** One synthetic cine: images and ground truth of the left-ventricle cavity over one heart cycle. */
export interface CardiacCase {
  seed: number;
  index: number;
  shape: [number, number, number];
  spacing: VoxelSpacing;
  phases: number;
  /** Intensities, [phases, D, H, W] row-major. */
  images: Float32Array;
  /** Ground-truth cavity, 1 where at least half the voxel is cavity, [phases, D, H, W]. */
  masks: Uint8Array;
  /** Cavity volume per phase from the masks, mL. */
  volumes: number[];
  /** Cavity volume per phase of the continuous ellipsoid, mL. */
  analyticVolumes: number[];
  /** EDV, ESV, EF of the masks: what a perfect segmentation would report. */
  truth: EjectionFractionResult;
  /** EDV, ESV, EF of the continuous ellipsoids. */
  analytic: EjectionFractionResult;
  parameters: PhantomParameters;
}

const optionKeys = ['shape', 'spacing', 'phases', 'supersample'];

/**
 * One case of a SYNTHETIC cine phantom (no patient data): a left-ventricle cavity shaped as an
 * ellipsoid inside a thick myocardial wall (a larger ellipsoid), in uniform surroundings, imaged
 * at each phase of one heart cycle. The cavity volume follows {@link cycleVolumeFraction} from EDV
 * (phase 0) to ESV = EDV (1 - EF/100) (phase round(0.35 P)); the long axis shortens as v^0.2 and
 * the short axes as v^0.4 (v = V/EDV), the wall thickens as the cavity empties. Image =
 * blood occ_cavity + myocardium occ_wall + background (1 - occ_outer), times a linear bias field,
 * blurred (partial volume) plus Gaussian noise. Case `index` of `seed` is the same whatever else is
 * generated. Ranges of shape, orientation, wall, contrast, noise and blur: {@link PhantomParameters}.
 *
 * @example
 * const c = cardiacPhantomCase(2026, 0); // c.images: [P, 16, 20, 20], c.truth.ejectionFraction
 *
 * In plain words: a made-up beating heart with a known answer, to train and check the pipeline on.
 */
export function cardiacPhantomCase(seed: number, index: number, options: CardiacPhantomOptions = {}): CardiacCase {
  const fn = 'cardiacPhantomCase';
  const { grid, phases, supersample } = checkPhantomOptions(fn, options);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${String(seed)}`);
  if (!Number.isInteger(index) || index < 0)
    throw new ArgumentError(fn, `expected index to be an integer >= 0, got ${String(index)}`);
  const rng = createRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0);
  const p = drawPhantomParameters(rng, phases);
  const [depth, height, width] = grid.shape;
  const size = depth * height * width;
  const centre = grid.shape.map((n, a) => ((n - 1) / 2) * (grid.spacing[a] as number) + p.centreOffset[a]!) as [
    number,
    number,
    number,
  ];
  const rotation = rotationFromAngles(p.tilt, p.azimuth, p.roll);
  const edShort = ((3 * p.endDiastolicVolume * 1000) / (4 * Math.PI * p.elongation * p.shortAxisRatio)) ** (1 / 3);
  const images = new Float32Array(p.phases * size);
  const masks = new Uint8Array(p.phases * size);
  const analyticVolumes: number[] = [];
  const volumes: number[] = [];
  for (let k = 0; k < p.phases; k++) {
    const v = cycleVolumeFraction(k, p.phases, p.ejectionFraction);
    const semiAxes = [edShort * p.elongation * v ** 0.2, edShort * v ** 0.4, edShort * p.shortAxisRatio * v ** 0.4];
    const wall = p.wallThickness * (1 + 0.6 * (1 - v));
    const cavity = ellipsoidOccupancy(
      grid,
      { centre, semiAxes: semiAxes as [number, number, number], rotation },
      supersample,
    );
    const outerAxes = semiAxes.map((r) => r + wall) as [number, number, number];
    const outer = ellipsoidOccupancy(grid, { centre, semiAxes: outerAxes, rotation }, supersample);
    const scene = new Float32Array(size);
    let count = 0;
    for (let i = 0; i < size; i++) {
      const [c, o] = [cavity[i] as number, outer[i] as number];
      const z = Math.floor(i / (height * width));
      const y = Math.floor(i / width) % height;
      const x = i % width;
      const along =
        p.biasDirection[0] * (z / depth - 0.5) +
        p.biasDirection[1] * (y / height - 0.5) +
        p.biasDirection[2] * (x / width - 0.5);
      scene[i] = (p.blood * c + p.myocardium * (o - c) + p.background * (1 - o)) * (1 + 2 * p.biasGain * along);
      if (c >= 0.5) {
        masks[k * size + i] = 1;
        count++;
      }
    }
    const blurred = gaussianBlur3d(scene, grid.shape, p.blur);
    for (let i = 0; i < size; i++) images[k * size + i] = (blurred[i] as number) + p.noise * rng.normal();
    volumes.push(count * voxelVolumeMl(grid.spacing));
    analyticVolumes.push(((4 / 3) * Math.PI * semiAxes[0]! * semiAxes[1]! * semiAxes[2]!) / 1000);
  }
  return {
    seed,
    index,
    shape: [depth, height, width],
    spacing: grid.spacing,
    phases: p.phases,
    images,
    masks,
    volumes,
    analyticVolumes,
    truth: ejectionFraction(volumes),
    analytic: ejectionFraction(analyticVolumes),
    parameters: p,
  };
}

/**
 * Cases `first`, `first + 1`, ... `first + count - 1` of the phantom of `seed`
 * ({@link cardiacPhantomCase}); disjoint index ranges give disjoint training and held-out sets.
 *
 * @example
 * const train = cardiacPhantomCases(2026, 40);            // cases 0..39
 * const heldOut = cardiacPhantomCases(2026, 10, { first: 40 });
 *
 * In plain words: a seeded stack of made-up patients.
 */
export function cardiacPhantomCases(
  seed: number,
  count: number,
  options: CardiacPhantomOptions & { first?: number } = {},
): CardiacCase[] {
  assertKnownOptions('cardiacPhantomCases', 'options', options, [...optionKeys, 'first']);
  assertPositiveInteger('cardiacPhantomCases', 'count', count);
  const { first = 0, ...rest } = options;
  return Array.from({ length: count }, (_, n) => cardiacPhantomCase(seed, first + n, rest));
}

function checkPhantomOptions(fn: string, options: CardiacPhantomOptions) {
  assertKnownOptions(fn, 'options', options, optionKeys);
  const { shape = [16, 20, 20], spacing = [7, 4.5, 4.5], phases = [10, 20], supersample = 3 } = options;
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((n) => Number.isInteger(n) && n >= 4))
    throw new ArgumentError(fn, `expected options.shape to be [D, H, W], integers >= 4, got ${JSON.stringify(shape)}`);
  const range = typeof phases === 'number' ? [phases, phases] : phases;
  const validPhases =
    Array.isArray(range) &&
    range.length === 2 &&
    range.every((n) => Number.isInteger(n) && n >= 2) &&
    (range[0] as number) <= (range[1] as number);
  if (!validPhases)
    throw new ArgumentError(
      fn,
      `expected options.phases to be an integer >= 2 or [min, max], got ${JSON.stringify(phases)}`,
    );
  assertPositiveInteger(fn, 'options.supersample', supersample);
  endSystolicPhaseOf(range[0] as number);
  const grid: VoxelGrid = {
    shape: shape as [number, number, number],
    spacing: checkVoxelSpacing(fn, 'options.spacing', spacing),
  };
  return { grid, phases: range as [number, number], supersample };
}
