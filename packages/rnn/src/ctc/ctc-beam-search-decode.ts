import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertPositiveInteger } from '@baihua/core';
import {
  type CtcDecodeOptions,
  type CtcDecodeResult,
  checkCtcDecodeInput,
  ctcDecodeKeys,
  readCtcFrames,
} from './ctc-input.js';

/** Options of {@link ctcBeamSearchDecode}. */
export interface CtcBeamSearchOptions extends CtcDecodeOptions {
  /** Prefixes kept after each frame (default 16). */
  beamWidth?: number;
  /** Labellings returned per sequence, best first (default 1; at most beamWidth). */
  topPaths?: number;
}

const beamKeys = [...ctcDecodeKeys, 'beamWidth', 'topPaths'];

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
 * Input: logits [N, T, C] ([T, N, C] with timeMajor), raw scores by default (log-softmax applied
 * inside) or log-probabilities with `fromLogits: false`. Frames past inputLengths are never read.
 * Returns paths[n][k] and logProbabilities[n][k] = ln p(paths[n][k] | x) <= 0, summed over the
 * alignments the beam kept, best first (up to topPaths; fewer when fewer labellings exist); the same
 * shape as ctcGreedyDecode. Defaults: blank 0, fromLogits true, timeMajor false, beamWidth 16,
 * topPaths 1. Async: reads the values.
 *
 * @example
 * const logits = tf.log(tf.tensor3d([[[0.6, 0.4], [0.6, 0.4]]])); // [N = 1, T = 2, C = 2]
 * const { paths, logProbabilities } = await ctcBeamSearchDecode(logits, { beamWidth: 8, topPaths: 2 });
 * // paths[0] = [[1], []], logProbabilities[0] = [ln 0.64, ln 0.36]
 *
 * In plain words: keep several guesses of the sentence alive and add up every way of saying each.
 */
export async function ctcBeamSearchDecode(
  logits: tf.Tensor,
  options: CtcBeamSearchOptions = {},
): Promise<CtcDecodeResult> {
  const fn = 'ctcBeamSearchDecode';
  const checked = checkCtcDecodeInput(fn, logits, options, beamKeys);
  const beamWidth = options.beamWidth ?? 16;
  const topPaths = options.topPaths ?? 1;
  assertPositiveInteger(fn, 'beamWidth', beamWidth);
  assertPositiveInteger(fn, 'topPaths', topPaths);
  if (topPaths > beamWidth)
    throw new ArgumentError(fn, `expected topPaths <= beamWidth (${beamWidth}), got ${topPaths}`);
  const { batch, classes, blank, lengths, values, offset } = await readCtcFrames(fn, logits, checked);
  const paths: number[][][] = [];
  const logProbabilities: number[][] = [];
  for (let n = 0; n < batch; n++) {
    let beams: Beam[] = [{ prefix: [], blank: 0, label: -Infinity }];
    for (let t = 0; t < (lengths[n] as number); t++) {
      const start = offset(n, t);
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
        stay.blank = logAdd(stay.blank, total + (values[start + blank] as number));
        const last = beam.prefix.at(-1);
        for (let c = 0; c < classes; c++) {
          if (c === blank) continue;
          const p = values[start + c] as number;
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
    // Labellings of probability 0 (only possible with -Infinity log-probabilities) are not answers.
    const best = beams.filter((beam) => logAdd(beam.blank, beam.label) > -Infinity).slice(0, topPaths);
    paths.push(best.map((beam) => beam.prefix));
    // At most 0 up to rounding (the kept alignments' probabilities sum to at most 1).
    logProbabilities.push(best.map((beam) => Math.min(0, logAdd(beam.blank, beam.label))));
  }
  return { paths, logProbabilities };
}
