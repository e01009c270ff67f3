import { ArgumentError } from '@baihua/core';

/** One label of a CTC alignment: its index in the labelling and its first and last frame (inclusive). */
export interface AlignedLabel {
  label: number;
  first: number;
  last: number;
}

/**
 * The most likely CTC alignment (Viterbi) of a labelling l to log-probabilities [T][C]: over the
 * extended sequence (blank, l_1, blank, ..., l_S, blank) each frame stays in its state, moves one
 * on, or skips a blank between two different labels; the best path ending in the last label or the
 * final blank is traced back. Returns, for every label of l, the frames it was emitted on (never
 * empty). Throws when T frames cannot hold l (repeats need a blank between them).
 *
 * @example
 * // frames: blank, 1, 1, blank, 2 -> [{ label: 1, first: 1, last: 2 }, { label: 2, first: 4, last: 4 }]
 * ctcAlignment(logProbabilities, [1, 2]);
 *
 * In plain words: when exactly each word was said, from the frame-by-frame guesses.
 */
export function ctcAlignment(
  logProbabilities: readonly ArrayLike<number>[],
  labels: readonly number[],
  blank = 0,
): AlignedLabel[] {
  const frames = logProbabilities.length;
  const states = 2 * labels.length + 1;
  const token = (s: number) => (s % 2 === 0 ? blank : (labels[(s - 1) / 2] as number));
  let score = new Float64Array(states).fill(Number.NEGATIVE_INFINITY);
  const from: Int32Array[] = [];
  for (let t = 0; t < frames; t++) {
    const next = new Float64Array(states).fill(Number.NEGATIVE_INFINITY);
    const back = new Int32Array(states).fill(-1);
    const row = logProbabilities[t] as ArrayLike<number>;
    for (let s = 0; s < states; s++) {
      let best = t === 0 ? (s < 2 ? 0 : Number.NEGATIVE_INFINITY) : (score[s] as number);
      let origin = s;
      if (t > 0 && s > 0 && (score[s - 1] as number) > best) [best, origin] = [score[s - 1] as number, s - 1];
      if (t > 0 && s > 1 && s % 2 === 1 && token(s) !== token(s - 2) && (score[s - 2] as number) > best)
        [best, origin] = [score[s - 2] as number, s - 2];
      next[s] = best + (row[token(s)] as number);
      back[s] = origin;
    }
    score = next;
    from.push(back);
  }
  const last = states - 1;
  let state = labels.length === 0 || (score[last] as number) >= (score[last - 1] as number) ? last : last - 1;
  if (!Number.isFinite(score[state] as number))
    throw new ArgumentError(
      'ctcAlignment',
      `expected ${frames} frames to hold ${labels.length} labels (with blanks between repeats), got no alignment`,
    );
  const aligned: AlignedLabel[] = labels.map((label) => ({ label, first: frames, last: -1 }));
  for (let t = frames - 1; t >= 0; t--) {
    if (state % 2 === 1) {
      const entry = aligned[(state - 1) / 2] as AlignedLabel;
      entry.first = t;
      if (entry.last < 0) entry.last = t;
    }
    state = (from[t] as Int32Array)[state] as number;
  }
  return aligned;
}
