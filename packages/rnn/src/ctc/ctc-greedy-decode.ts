import type * as tf from '@tensorflow/tfjs-core';
import {
  type CtcDecodeOptions,
  type CtcDecodeResult,
  assertFlag,
  checkCtcDecodeInput,
  collapsePath,
  ctcDecodeKeys,
  readCtcFrames,
} from './ctc-input.js';

/** Options of {@link ctcGreedyDecode}. */
export interface CtcGreedyOptions extends CtcDecodeOptions {
  /**
   * true (default): merge repeats, then drop blanks (1 1 - 1 reads 1 1). false: only drop blanks
   * (1 1 - 1 reads 1 1 1), TensorFlow's and Keras' merge_repeated=False.
   */
  mergeRepeated?: boolean;
}

const greedyKeys = [...ctcDecodeKeys, 'mergeRepeated'];

/**
 * Best-path CTC decoding: take argmax_c ln y_t(c) at every frame t < T_n, merge repeats, drop
 * blanks (the path 1 1 - 1 2 2 reads 1 1 2). Fast, but it finds the most likely path, not the most
 * likely labelling (use {@link ctcBeamSearchDecode} for that).
 * Input: logits [N, T, C] ([T, N, C] with timeMajor), raw scores by default (log-softmax applied
 * inside) or log-probabilities with `fromLogits: false`. Frames past inputLengths are never read.
 * Returns the same shape as ctcBeamSearchDecode with topPaths 1: paths[n] = [labelling] and
 * logProbabilities[n] = [sum_t max_c ln y_t(c)], the log-probability of that single best path (<= 0).
 * Defaults: blank 0, fromLogits true, timeMajor false, mergeRepeated true. Async: reads the values.
 *
 * @example
 * const logits = tf.tensor3d([[[0, 3, 0], [0, 3, 0], [3, 0, 0], [0, 3, 0]]]); // [N = 1, T = 4, C = 3]
 * const { paths } = await ctcGreedyDecode(logits); // paths[0][0] = [1, 1]
 * (await ctcGreedyDecode(logits, { mergeRepeated: false })).paths[0][0]; // [1, 1, 1]
 *
 * In plain words: at each moment write down the most likely sound, then squeeze out stutters and silences.
 */
export async function ctcGreedyDecode(logits: tf.Tensor, options: CtcGreedyOptions = {}): Promise<CtcDecodeResult> {
  const fn = 'ctcGreedyDecode';
  const checked = checkCtcDecodeInput(fn, logits, options, greedyKeys);
  const mergeRepeated = options.mergeRepeated ?? true;
  assertFlag(fn, 'mergeRepeated', mergeRepeated);
  const { batch, classes, blank, lengths, values, offset } = await readCtcFrames(fn, logits, checked);
  const paths: number[][][] = [];
  const logProbabilities: number[][] = [];
  for (let n = 0; n < batch; n++) {
    const best: number[] = [];
    let total = 0;
    for (let t = 0; t < (lengths[n] as number); t++) {
      const start = offset(n, t);
      let arg = 0;
      for (let c = 1; c < classes; c++) if ((values[start + c] as number) > (values[start + arg] as number)) arg = c;
      best.push(arg);
      total += values[start + arg] as number;
    }
    paths.push([collapsePath(best, blank, mergeRepeated)]);
    logProbabilities.push([Math.min(0, total)]);
  }
  return { paths, logProbabilities };
}
