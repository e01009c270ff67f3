import type { SeededRandom } from '@baihua/core';

/**
 * What makes one synthetic case differ from another (drawn by {@link drawPhantomParameters}).
 * Volumes in mL, lengths in mm, angles in radians, intensities in arbitrary units (blood ~1).
 */
export interface PhantomParameters {
  /** End-diastolic cavity volume, mL: uniform in [80, 160]. */
  endDiastolicVolume: number;
  /** Ejection fraction, %: uniform in [20, 75], so every class of the seed occurs. */
  ejectionFraction: number;
  /** Long semi-axis over the first short one, at end-diastole: [1.4, 1.9]. */
  elongation: number;
  /** Second short semi-axis over the first: [0.8, 1]. */
  shortAxisRatio: number;
  /** Long axis tilted from the slice normal z by [0, 25] degrees towards a uniform azimuth; short axes rolled. */
  tilt: number;
  azimuth: number;
  roll: number;
  /** Shift of the centre from the middle of the grid, mm, each in [-3, 3]. */
  centreOffset: [number, number, number];
  /** Myocardial wall at end-diastole, mm: [6, 12]; it thickens by up to 60% of the volume fraction lost. */
  wallThickness: number;
  /** Intensities: blood pool [0.75, 1], myocardium [0.15, 0.5], surroundings [0.3, 0.6]. */
  blood: number;
  myocardium: number;
  background: number;
  /** Linear intensity drift across the field (a bias field): gain in [-0.15, 0.15] along a random direction. */
  biasGain: number;
  biasDirection: [number, number, number];
  /** Gaussian noise, standard deviation [0.02, 0.08]. */
  noise: number;
  /** Partial-volume blur, voxels: through-plane [0, 0.3], in-plane [0.4, 1]. */
  blur: [number, number, number];
  /** Phases in the cycle. */
  phases: number;
}

const between = (rng: SeededRandom, low: number, high: number): number => low + (high - low) * rng.next();

/**
 * Draws one case's parameters from `rng` in a fixed order (so a seed fixes them all), with phases
 * an integer in [minPhases, maxPhases]. The ranges are listed on {@link PhantomParameters}.
 *
 * @example
 * const parameters = drawPhantomParameters(createRandom(7), [10, 20]);
 *
 * In plain words: roll the dice for one patient's heart and one scan's quality.
 */
export function drawPhantomParameters(rng: SeededRandom, phases: readonly [number, number]): PhantomParameters {
  const direction = [rng.normal(), rng.normal(), rng.normal()];
  const norm = Math.hypot(...direction) || 1;
  const inPlaneBlur = between(rng, 0.4, 1);
  return {
    endDiastolicVolume: between(rng, 80, 160),
    ejectionFraction: between(rng, 20, 75),
    elongation: between(rng, 1.4, 1.9),
    shortAxisRatio: between(rng, 0.8, 1),
    tilt: (between(rng, 0, 25) * Math.PI) / 180,
    azimuth: between(rng, 0, 2 * Math.PI),
    roll: between(rng, 0, 2 * Math.PI),
    centreOffset: [between(rng, -3, 3), between(rng, -3, 3), between(rng, -3, 3)],
    wallThickness: between(rng, 6, 12),
    blood: between(rng, 0.75, 1),
    myocardium: between(rng, 0.15, 0.5),
    background: between(rng, 0.3, 0.6),
    biasGain: between(rng, -0.15, 0.15),
    biasDirection: direction.map((d) => d / norm) as [number, number, number],
    noise: between(rng, 0.02, 0.08),
    blur: [between(rng, 0, 0.3), inPlaneBlur, inPlaneBlur],
    phases: phases[0] + rng.integer(phases[1] - phases[0] + 1),
  };
}
