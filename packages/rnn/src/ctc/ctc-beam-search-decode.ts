import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertPositiveInteger } from '@baihua/core';
import { type CtcDecodeOptions, readCtcFrames } from './ctc-input.js';

/** Options of {@link ctcBeamSearchDecode}. */
export interface CtcBeamSearchOptions extends CtcDecodeOptions {
  /** Prefixes kept after each frame (default 16). */
  beamWidth?: number;
  /** Labellings returned per sequence, best first (default 1; at most beamWidth). */
  topPaths?: number;
}

/** What {@link ctcBeamSearchDecode} returns: per sequence, the best labellings and their log-probabilities. */
export interface CtcBeamSearchResult {
  /** paths[b][k]: the k-th best labelling of sequence b. */
  paths: number[][][];
  /** logProbabilities[b][k]: log p(labelling | x), summed over the alignments the beam kept. */
  logProbabilities: number[][];
}

interface Beam {
  prefix: number[];
  /** log p(prefix, path ends in blank) and log p(prefix, path ends in its last label). */
  blank: number;
  label: number;
}

const logAdd = (a: number, b: number): number => {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
};

/**
 * CTC prefix beam search (Graves 2006, Hannun et al. 2014): keeps the `beamWidth` most likely label
 * prefixes, each with the probability of its alignments ending in blank and ending in its last label,
 * so paths that collapse to the same labelling (repeats merged, blanks removed) add up. A repeated
 * label extends a prefix only after a blank (1 - 1 reads 1 1; 1 1 reads 1).
 * With a beam as wide as the number of prefixes it returns the exact most likely labelling.
 * Input: logProbs [batch, time, classes]. Async: reads the values.
 *
 * @example
 * const { paths, logProbabilities } = await ctcBeamSearchDecode(logProbs, { beamWidth: 8, topPaths: 2 });
 *
 * In plain words: keep several guesses of the sentence alive and add up every way of saying each.
 */
export async function ctcBeamSearchDecode(
  logProbs: tf.Tensor,
  options: CtcBeamSearchOptions = {},
): Promise<CtcBeamSearchResult> {
  const fn = 'ctcBeamSearchDecode';
  const beamWidth = options.beamWidth ?? 16;
  const topPaths = options.topPaths ?? 1;
  assertPositiveInteger(fn, 'beamWidth', beamWidth);
  assertPositiveInteger(fn, 'topPaths', topPaths);
  if (topPaths > beamWidth)
    throw new ArgumentError(fn, `expected topPaths <= beamWidth (${beamWidth}), got ${topPaths}`);
  const { batch, time, classes, blank, lengths, values } = await readCtcFrames(fn, logProbs, options);
  const paths: number[][][] = [];
  const logProbabilities: number[][] = [];
  for (let b = 0; b < batch; b++) {
    let beams: Beam[] = [{ prefix: [], blank: 0, label: -Infinity }];
    for (let t = 0; t < (lengths[b] as number); t++) {
      const offset = (b * time + t) * classes;
      const next = new Map<string, Beam>();
      const at = (prefix: number[]): Beam => {
        const key = prefix.join(',');
        const found = next.get(key);
        if (found) return found;
        const beam: Beam = { prefix, blank: -Infinity, label: -Infinity };
        next.set(key, beam);
        return beam;
      };
      for (const beam of beams) {
        const total = logAdd(beam.blank, beam.label);
        const stay = at(beam.prefix);
        stay.blank = logAdd(stay.blank, total + (values[offset + blank] as number));
        const last = beam.prefix.at(-1);
        for (let c = 0; c < classes; c++) {
          if (c === blank) continue;
          const p = values[offset + c] as number;
          const extended = at([...beam.prefix, c]);
          if (c === last) {
            extended.label = logAdd(extended.label, beam.blank + p);
            stay.label = logAdd(stay.label, beam.label + p);
          } else {
            extended.label = logAdd(extended.label, total + p);
          }
        }
      }
      beams = [...next.values()]
        .sort((x, y) => logAdd(y.blank, y.label) - logAdd(x.blank, x.label))
        .slice(0, beamWidth);
    }
    const best = beams.slice(0, topPaths);
    paths.push(best.map((beam) => beam.prefix));
    logProbabilities.push(best.map((beam) => logAdd(beam.blank, beam.label)));
  }
  return { paths, logProbabilities };
}
