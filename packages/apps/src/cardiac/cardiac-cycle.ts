import { ArgumentError, assertInRange, assertPositiveInteger } from '@baihua/core';

/**
 * The phase of end-systole in a cine of `phases` phases that starts at end-diastole: round(0.35 P),
 * systole taking about a third of the cycle as at rest (P = 12 -> phase 4).
 *
 * @example
 * endSystolicPhaseOf(12); // 4
 *
 * In plain words: the frame where the ventricle is squeezed the most.
 */
export function endSystolicPhaseOf(phases: number): number {
  assertPositiveInteger('endSystolicPhaseOf', 'phases', phases);
  if (phases < 2) throw new ArgumentError('endSystolicPhaseOf', `expected phases >= 2, got ${phases}`);
  return Math.max(1, Math.round(0.35 * phases));
}

/**
 * The cavity volume at `phase` as a fraction of the end-diastolic volume, over one heart cycle of
 * `phases` phases starting at end-diastole (phase 0):
 *   V(k) / EDV = 1 - (EF / 100) s(k),
 *   s(k) = (1 - cos(pi k / e)) / 2 for k <= e (systole, e = endSystolicPhaseOf(P)),
 *   s(k) = (1 + cos(pi (k - e) / (P - e))) / 2 for k > e (diastolic filling),
 * so V(0) = EDV, V(e) = ESV = EDV (1 - EF / 100), and no phase lies outside [ESV, EDV].
 *
 * @example
 * cycleVolumeFraction(4, 12, 60); // 0.4: the end-systolic phase of a heart with EF 60%
 *
 * In plain words: the ventricle empties smoothly to its smallest at end-systole, then refills.
 */
export function cycleVolumeFraction(phase: number, phases: number, ejectionFraction: number): number {
  const fn = 'cycleVolumeFraction';
  const end = endSystolicPhaseOf(phases);
  assertInRange(fn, 'phase', phase, { min: 0, max: phases - 1 });
  if (!Number.isInteger(phase)) throw new ArgumentError(fn, `expected phase to be an integer, got ${phase}`);
  assertInRange(fn, 'ejectionFraction', ejectionFraction, { min: 0, max: 100, maxExclusive: true });
  const squeeze =
    phase <= end
      ? (1 - Math.cos((Math.PI * phase) / end)) / 2
      : (1 + Math.cos((Math.PI * (phase - end)) / (phases - end))) / 2;
  return 1 - (ejectionFraction / 100) * squeeze;
}
