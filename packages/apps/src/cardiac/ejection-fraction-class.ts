import { assertFiniteNumber, ArgumentError } from '@baihua/core';

/**
 * The seed's reading of an ejection fraction (医疗影像: normal 55-70%, danger below 40%):
 * 'danger' EF < 40, 'reduced' 40 <= EF < 55, 'normal' 55 <= EF <= 70, and 'above-normal' EF > 70
 * (the seed names no class above 70; clinics call it hyperdynamic, and it is not "normal").
 */
export type EjectionFractionClass = 'danger' | 'reduced' | 'normal' | 'above-normal';

/** Every class, from the weakest pump to the strongest. */
export const ejectionFractionClasses: readonly EjectionFractionClass[] = [
  'danger',
  'reduced',
  'normal',
  'above-normal',
];

/** The seed's thresholds, in %: danger below 40, normal from 55 up to and including 70. */
export const ejectionFractionThresholds = { danger: 40, normalLow: 55, normalHigh: 70 } as const;

/**
 * The class of an ejection fraction in % (see {@link EjectionFractionClass}): 39.9 -> 'danger',
 * 40 -> 'reduced', 54.9 -> 'reduced', 55 -> 'normal', 70 -> 'normal', 70.1 -> 'above-normal'.
 * EF must be finite and in [0, 100].
 *
 * @example
 * classifyEjectionFraction(58); // 'normal'
 *
 * In plain words: is the pump working as it should, weak, or dangerously weak.
 */
export function classifyEjectionFraction(ejectionFraction: number): EjectionFractionClass {
  const fn = 'classifyEjectionFraction';
  assertFiniteNumber(fn, 'ejectionFraction', ejectionFraction);
  if (ejectionFraction < 0 || ejectionFraction > 100)
    throw new ArgumentError(fn, `expected ejectionFraction in [0, 100] (%), got ${ejectionFraction}`);
  const { danger, normalLow, normalHigh } = ejectionFractionThresholds;
  if (ejectionFraction < danger) return 'danger';
  if (ejectionFraction < normalLow) return 'reduced';
  if (ejectionFraction <= normalHigh) return 'normal';
  return 'above-normal';
}
