import type * as tf from '@tensorflow/tfjs-core';
import { type CtcDecodeOptions, collapsePath, readCtcFrames } from './ctc-input.js';

/** What {@link ctcGreedyDecode} returns per sequence: the label sequence and its best path's log-probability. */
export interface CtcGreedyResult {
  paths: number[][];
  /** sum_t max_c log p_t(c): the log-probability of the single best frame-wise path. */
  logProbabilities: number[];
}

/**
 * Best-path CTC decoding: take argmax_c log p_t(c) at every frame t < length, merge repeats, drop
 * blanks (the path 1 1 - 1 2 2 reads 1 1 2). Fast, but it finds the most likely path, not the most
 * likely labelling (use {@link ctcBeamSearchDecode} for that).
 * Input: logProbs [batch, time, classes] (log-softmax outputs; `fromLogits: true` for logits).
 * Async: reads the values.
 *
 * @example
 * const { paths } = await ctcGreedyDecode(logProbs, { blank: 0 }); // paths[b] = [3, 1, 4]
 *
 * In plain words: at each moment write down the most likely sound, then squeeze out stutters and silences.
 */
export async function ctcGreedyDecode(logProbs: tf.Tensor, options: CtcDecodeOptions = {}): Promise<CtcGreedyResult> {
  const frames = await readCtcFrames('ctcGreedyDecode', logProbs, options);
  const { batch, time, classes, blank, lengths, values } = frames;
  const paths: number[][] = [];
  const logProbabilities: number[] = [];
  for (let b = 0; b < batch; b++) {
    const best: number[] = [];
    let total = 0;
    for (let t = 0; t < (lengths[b] as number); t++) {
      const offset = (b * time + t) * classes;
      let arg = 0;
      for (let c = 1; c < classes; c++) if ((values[offset + c] as number) > (values[offset + arg] as number)) arg = c;
      best.push(arg);
      total += values[offset + arg] as number;
    }
    paths.push(collapsePath(best, blank));
    logProbabilities.push(total);
  }
  return { paths, logProbabilities };
}
