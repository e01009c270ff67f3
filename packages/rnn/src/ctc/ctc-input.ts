import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertInRange, assertKnownOptions, assertRank } from '@baihua/core';
import { checkCtcLengths } from './ctc-layout.js';

/** Options the CTC decoders share with each other and with `ctcLoss` of @baihua/losses. */
export interface CtcDecodeOptions {
  /** Index of the blank class (default 0, as PyTorch's ctc_loss; TensorFlow uses classes - 1). */
  blank?: number;
  /** Valid frames per sequence (default: all T frames); frames past them are never read. */
  inputLengths?: readonly number[];
  /**
   * true (default): the input holds raw scores, log-softmax is applied first. false: it already
   * holds log-probabilities (each frame's exp sums to 1; checked, since raw scores would give
   * "log-probabilities" above 0).
   */
  fromLogits?: boolean;
  /** false (default): [N, T, C]. true: [T, N, C], the layout of PyTorch's and TensorFlow's CTC. */
  timeMajor?: boolean;
}

/** What both decoders return: per sequence, the best labellings and their log-probabilities, best first. */
export interface CtcDecodeResult {
  /** paths[n][k]: the k-th best labelling of sequence n (greedy: k = 0 only). */
  paths: number[][][];
  /** logProbabilities[n][k] <= 0: the natural log of the probability of paths[n][k] (see each decoder). */
  logProbabilities: number[][];
}

/** Checked decoder input, read into JavaScript: log-probabilities and where each frame starts. */
export interface CtcFrames {
  batch: number;
  classes: number;
  blank: number;
  lengths: number[];
  values: Float32Array;
  /** Index in `values` of class 0 of frame t of sequence n (either layout). */
  offset: (n: number, t: number) => number;
}

/** The keys of CtcDecodeOptions, for the decoders' own key lists. */
export const ctcDecodeKeys = ['blank', 'inputLengths', 'fromLogits', 'timeMajor'] as const;

/** Frames of log-probabilities must sum to 1 within this (in log space) with fromLogits: false. */
const normalisedWithin = 1e-2;

/** The checked options of a decoder call, defaults filled in. */
export interface CheckedCtcDecodeInput {
  batch: number;
  frames: number;
  classes: number;
  blank: number;
  lengths: number[];
  fromLogits: boolean;
  timeMajor: boolean;
}

/** Throws unless `value` is true or false (a string 'false' would read as true). */
export function assertFlag(functionName: string, argument: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean')
    throw new ArgumentError(functionName, `expected ${argument} to be true or false, got ${JSON.stringify(value)}`);
}

/**
 * Checks a decoder's options (unknown keys, flags, blank) and its logits [N, T, C] (or [T, N, C]
 * with timeMajor) against inputLengths, synchronously, before any tensor is made.
 */
export function checkCtcDecodeInput(
  functionName: string,
  logits: tf.Tensor,
  options: CtcDecodeOptions,
  knownKeys: readonly string[],
): CheckedCtcDecodeInput {
  if (typeof options === 'object' && options !== null && 'sequenceLengths' in options)
    throw new ArgumentError(
      functionName,
      `unknown key 'sequenceLengths' in options (did you mean 'inputLengths'? the name ctcLoss uses; ` +
        `known: ${[...knownKeys].sort().join(', ')})`,
    );
  assertKnownOptions(functionName, 'options', options, knownKeys);
  const { blank = 0, fromLogits = true, timeMajor = false } = options;
  assertFlag(functionName, 'fromLogits', fromLogits);
  assertFlag(functionName, 'timeMajor', timeMajor);
  assertRank(functionName, 'logits', logits, 3);
  const layout = checkCtcLengths(functionName, logits.shape, timeMajor, options);
  if (!Number.isInteger(blank)) throw new ArgumentError(functionName, `expected blank to be an integer, got ${blank}`);
  assertInRange(functionName, 'blank', blank, { min: 0, max: layout.classes - 1 });
  return { ...layout, blank, fromLogits, timeMajor };
}

/**
 * Applies log-softmax when fromLogits, reads the values (async: works on webgpu) and checks every
 * frame inside the lengths: no NaN; with fromLogits false, exp sums to 1 (raw scores get an error
 * that says so).
 */
export async function readCtcFrames(
  functionName: string,
  logits: tf.Tensor,
  checked: CheckedCtcDecodeInput,
): Promise<CtcFrames> {
  const { batch, frames, classes, blank, lengths, fromLogits, timeMajor } = checked;
  const normalised = fromLogits ? tf.logSoftmax(logits, -1) : logits;
  let values: Float32Array;
  try {
    values = Float32Array.from(await normalised.data());
  } finally {
    if (normalised !== logits) normalised.dispose();
  }
  const offset = timeMajor
    ? (n: number, t: number) => (t * batch + n) * classes
    : (n: number, t: number) => (n * frames + t) * classes;
  const read = { batch, classes, blank, lengths, values, offset };
  checkFrames(functionName, read, fromLogits);
  return read;
}

/** Every frame inside the lengths holds no NaN (nor +Infinity); log-probabilities sum to 1. */
function checkFrames(functionName: string, frames: CtcFrames, fromLogits: boolean): void {
  const { batch, classes, lengths, values, offset } = frames;
  for (let n = 0; n < batch; n++) {
    for (let t = 0; t < (lengths[n] as number); t++) {
      const start = offset(n, t);
      let total = 0;
      for (let c = 0; c < classes; c++) total += Math.exp(values[start + c] as number);
      const where = `frame ${t} of sequence ${n}`;
      if (Number.isNaN(total) || total === Number.POSITIVE_INFINITY)
        throw new ArgumentError(
          functionName,
          fromLogits
            ? `expected finite logits inside inputLengths (-Infinity allowed while a class stays finite), ` +
                `got a frame whose log-softmax is NaN: ${where}`
            : `expected log-probabilities without NaN or +Infinity inside inputLengths, got one at ${where}`,
        );
      if (!fromLogits && Math.abs(Math.log(total)) > normalisedWithin)
        throw new ArgumentError(
          functionName,
          `expected log-probabilities with fromLogits: false (each frame's probabilities summing to 1), ` +
            `got ${where} summing to ${total.toPrecision(4)}; pass fromLogits: true (the default) for raw scores`,
        );
    }
  }
}

/**
 * Collapses a frame-wise path to its labelling: repeats merged (unless mergeRepeated is false),
 * then blanks removed ([1,1,0,1,2,2] -> [1,1,2]; without merging -> [1,1,1,2,2]).
 */
export function collapsePath(path: readonly number[], blank: number, mergeRepeated = true): number[] {
  const labels: number[] = [];
  let previous = -1;
  for (const symbol of path) {
    if (symbol !== blank && (symbol !== previous || !mergeRepeated)) labels.push(symbol);
    previous = symbol;
  }
  return labels;
}
