/** The ends of the diverging scale: ColorBrewer RdBu's darkest blue (negative) and red (positive). */
const negativeEnd = [33, 102, 172] as const;
const positiveEnd = [178, 24, 43] as const;

/** The colour heat maps give a value that is not a finite number. */
export const nonFiniteColour = '#000000';

const hex = (channels: readonly number[]) => `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/**
 * A diverging colour for `value` on a scale symmetric about 0: white at 0, blending linearly to
 * dark blue (#2166ac) at -limit and dark red (#b2182b) at +limit; beyond the limit the end colour.
 * NaN and infinities are black ({@link nonFiniteColour}). `limit` > 0.
 *
 * @example
 * divergingColour(0, 1); // '#ffffff'
 * divergingColour(1, 1); // '#b2182b'
 * divergingColour(-0.5, 1); // '#90b3d6' (halfway to blue)
 *
 * In plain words: negative weights blue, positive red, the stronger the darker, zero white.
 */
export function divergingColour(value: number, limit: number): string {
  if (!Number.isFinite(value)) return nonFiniteColour;
  const t = Math.min(1, Math.abs(value) / limit);
  const end = value < 0 ? negativeEnd : positiveEnd;
  return hex(end.map((c) => Math.round(255 + (c - 255) * t)));
}
