import { ArgumentError } from '@baihua/core';

/** What {@link ejectionFraction} finds in a cycle of cavity volumes. */
export interface EjectionFractionResult {
  /** End-diastolic volume: the largest over the cycle, mL. */
  endDiastolicVolume: number;
  /** End-systolic volume: the smallest over the cycle, mL. */
  endSystolicVolume: number;
  /** (EDV - ESV) / EDV x 100, in %. */
  ejectionFraction: number;
  /** Phases where the largest and the smallest volume occur (the first, on ties). */
  endDiastolicPhase: number;
  endSystolicPhase: number;
}

/**
 * The seed's ejection fraction from the cavity volume at each phase of one heart cycle:
 *   EDV = max_k V_k,  ESV = min_k V_k,  EF = (EDV - ESV) / EDV x 100%.
 * Volumes in mL (any unit: EF is a ratio), at least 2 phases, each finite and >= 0, not all 0.
 *
 * @example
 * ejectionFraction([120, 90, 50, 80, 110]);
 * // { endDiastolicVolume: 120, endSystolicVolume: 50, ejectionFraction: 58.33, ... }
 *
 * In plain words: of the blood the ventricle holds when full, the share one beat pushes out.
 */
export function ejectionFraction(volumes: readonly number[]): EjectionFractionResult {
  const fn = 'ejectionFraction';
  if (!Array.isArray(volumes)) throw new ArgumentError(fn, `expected volumes to be an array, got ${typeof volumes}`);
  if (volumes.length < 2)
    throw new ArgumentError(fn, `expected volumes of at least 2 phases of the cycle, got ${volumes.length}`);
  volumes.forEach((v, k) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new ArgumentError(fn, `expected volumes[${k}] to be a finite number >= 0, got ${String(v)}`);
  });
  let [largest, smallest] = [0, 0];
  volumes.forEach((v, k) => {
    if (v > (volumes[largest] as number)) largest = k;
    if (v < (volumes[smallest] as number)) smallest = k;
  });
  const endDiastolicVolume = volumes[largest] as number;
  const endSystolicVolume = volumes[smallest] as number;
  if (endDiastolicVolume === 0)
    throw new ArgumentError(
      fn,
      `expected a cavity in at least one phase, got volume 0 in all ${volumes.length} (EF undefined)`,
    );
  return {
    endDiastolicVolume,
    endSystolicVolume,
    ejectionFraction: ((endDiastolicVolume - endSystolicVolume) / endDiastolicVolume) * 100,
    endDiastolicPhase: largest,
    endSystolicPhase: smallest,
  };
}
