import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, assertInRange, assertRank, describeShape } from '@baihua/core';

/** Options the CTC decoders share. */
export interface CtcDecodeOptions {
  /** Index of the blank class (default 0, as PyTorch's ctc_loss; TensorFlow uses classes - 1). */
  blank?: number;
  /** Valid frames per sequence (default: all `time` frames). */
  sequenceLengths?: readonly number[];
  /** true when the input holds logits: log-softmax is applied first (default false: log-probabilities). */
  fromLogits?: boolean;
}

/** Checked decoder input, read into JavaScript: per sequence, its frames of log-probabilities. */
export interface CtcFrames {
  batch: number;
  time: number;
  classes: number;
  blank: number;
  lengths: number[];
  values: Float32Array;
}

/** Validates [batch, time, classes] log-probabilities and reads them (async: works on webgpu). */
export async function readCtcFrames(
  functionName: string,
  logProbs: tf.Tensor,
  options: CtcDecodeOptions,
): Promise<CtcFrames> {
  assertRank(functionName, 'logProbs', logProbs, 3);
  const [batch, time, classes] = logProbs.shape as [number, number, number];
  const blank = options.blank ?? 0;
  if (!Number.isInteger(blank)) throw new ArgumentError(functionName, `expected blank to be an integer, got ${blank}`);
  assertInRange(functionName, 'blank', blank, { min: 0, max: classes - 1 });
  const lengths =
    options.sequenceLengths === undefined ? new Array<number>(batch).fill(time) : [...options.sequenceLengths];
  if (lengths.length !== batch) {
    throw new ShapeError(
      functionName,
      `expected sequenceLengths with ${batch} entries (logProbs ${describeShape(logProbs.shape)}), got ${lengths.length}`,
    );
  }
  lengths.forEach((length, b) => {
    if (!Number.isInteger(length) || length < 0 || length > time)
      throw new ArgumentError(
        functionName,
        `expected sequenceLengths[${b}] to be an integer in [0, ${time}], got ${length}`,
      );
  });
  const normalised = options.fromLogits ? tf.logSoftmax(logProbs, -1) : logProbs;
  try {
    const values = Float32Array.from(await normalised.data());
    return { batch, time, classes, blank, lengths, values };
  } finally {
    if (normalised !== logProbs) normalised.dispose();
  }
}

/** Collapses a frame-wise path: repeats merged, then blanks removed ([1,1,0,1,2,2] -> [1,1,2]). */
export function collapsePath(path: readonly number[], blank: number): number[] {
  const labels: number[] = [];
  let previous = -1;
  for (const symbol of path) {
    if (symbol !== previous && symbol !== blank) labels.push(symbol);
    previous = symbol;
  }
  return labels;
}
