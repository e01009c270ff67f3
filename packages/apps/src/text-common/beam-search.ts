import * as tf from '@tensorflow/tfjs-core';
import { BeamRow, normalizedScore } from './beam-hypotheses.js';
import { checkBeamSearchInputs, checkStepOutput } from './beam-search-checks.js';

/** A decoder's state: named tensors whose first axis is the row (batch, or batch x beams). */
export type BeamState = Record<string, tf.Tensor>;

/** What a step returns: logits [N, V] over the next token, the next state, optionally attention weights [N, S]. */
export interface DecodeStepOutput<S extends BeamState> {
  logits: tf.Tensor;
  state: S;
  weights?: tf.Tensor;
}

/**
 * One decoding step on N rows: the previous tokens int32 [N] and the state -> the next token's
 * logits and state (AttentionDecoder's `step` is one). It must not dispose its inputs; tensors it
 * passes through unchanged into the next state are fine.
 */
export type DecodeStep<S extends BeamState> = (tokens: tf.Tensor1D, state: S) => DecodeStepOutput<S>;

/** Options of {@link beamSearch}. */
export interface BeamSearchOptions {
  /** Hypotheses kept per row, K >= 1. Default 4; 1 is greedy decoding. */
  beamWidth?: number;
  /** Most tokens generated per row, `<eos>` included, >= 1. Default 50. */
  maxLength?: number;
  /** GNMT's alpha >= 0: hypotheses are ranked by logP / ((5 + n) / 6)^alpha, n tokens with `<eos>`. Default 0. */
  lengthPenalty?: number;
  /** The first token fed. Default 1 (Vocabulary's `<bos>`). */
  bosId?: number;
  /** The token that ends a hypothesis. Default 2 (Vocabulary's `<eos>`). */
  eosId?: number;
}

/** What {@link beamSearch} returns, one entry per row of the initial state. */
export interface BeamSearchResult {
  /** The best token ids, without `<bos>` and `<eos>`. */
  ids: number[][];
  /** Its ranking score logP / lp(n). */
  scores: number[];
  /** Its summed log-probability logP (natural log). */
  logProbabilities: number[];
  /** Its attention rows, one per generated token (`<eos>` included): [row][step][S]; empty without weights. */
  weights: number[][][];
  /** False where the best hypothesis was cut at maxLength without `<eos>`. */
  finished: boolean[];
}

/**
 * Beam search over a step function, on the current backend: the state is tiled to B·K rows, each
 * step scores every live hypothesis' extensions by summed log-softmax, takes the best 2K per row
 * (tf.topk), and keeps K live ones (fairseq's rule: an `<eos>` among the best K finishes a
 * hypothesis). A row stops once no live hypothesis can beat its best finished one (see BeamRow), or
 * at maxLength, where live ones count as cut. The answer is the hypothesis with the highest
 * logP / ((5 + n) / 6)^lengthPenalty. beamWidth 1 is exactly greedy decoding. The initial state
 * stays the caller's; nothing else is left behind.
 *
 * @example
 * const start = decoder.start(memory, { memoryMask });
 * const { ids, weights } = await beamSearch((tokens, state) => decoder.step(tokens, state), start, { beamWidth: 4 });
 *
 * In plain words: keep the K most likely partial answers, extend each by every token, keep the K best again.
 */
export async function beamSearch<S extends BeamState>(
  step: DecodeStep<S>,
  initialState: S,
  options: BeamSearchOptions = {},
): Promise<BeamSearchResult> {
  const { batch, width, maxLength, alpha, bosId, eosId } = checkBeamSearchInputs(step, initialState, options);
  const rows = Array.from({ length: batch }, () => new BeamRow(width, alpha, maxLength));
  let state = gatherState(
    initialState,
    Array.from({ length: batch * width }, (_, i) => Math.floor(i / width)),
  );
  let tokens = new Array<number>(batch * width).fill(bosId);
  try {
    for (let t = 0; t < maxLength && rows.some((row) => !row.isDone); t++) {
      const scores = rows.flatMap((row) => row.live.map((h) => h.logProbability));
      const input = tf.tensor1d(tokens, 'int32');
      let out: DecodeStepOutput<S>;
      try {
        out = step(input, state);
      } finally {
        input.dispose();
      }
      const owned = new Set([...Object.values(out.state), out.logits, ...(out.weights ? [out.weights] : [])]);
      try {
        const vocabulary = checkStepOutput(out, batch * width, eosId);
        const top = tf.tidy(() => {
          const total = tf.add(tf.logSoftmax(out.logits), tf.tensor2d(scores, [batch * width, 1]));
          return tf.topk(tf.reshape(total, [batch, width * vocabulary]), Math.min(2 * width, width * vocabulary));
        });
        const [values, indices, weights] = await Promise.all([
          top.values.data(),
          top.indices.data(),
          out.weights?.data(),
        ]);
        tf.dispose([top.values, top.indices]);
        const k = top.values.shape[1] as number;
        const columns = out.weights?.shape[1] ?? 0;
        const parents = rows.flatMap((row, b) => {
          if (row.isDone) return row.live.map((_, beam) => b * width + beam);
          const candidates = Array.from({ length: k }, (_, r) => {
            const index = indices[b * k + r] as number;
            return {
              beam: Math.floor(index / vocabulary),
              token: index % vocabulary,
              score: values[b * k + r] as number,
            };
          });
          const from = (beam: number) => (b * width + beam) * columns;
          const rowOf = (beam: number) =>
            weights === undefined ? undefined : Float32Array.from(weights.subarray(from(beam), from(beam) + columns));
          return row.advance(candidates, eosId, rowOf).map((beam) => b * width + beam);
        });
        tokens = rows.flatMap((row) => row.live.map((h) => h.tokens.at(-1) ?? bosId));
        const next = gatherState(out.state, parents);
        tf.dispose([...new Set([...Object.values(state), ...owned])]);
        state = next;
      } catch (error) {
        tf.dispose([...owned].filter((t) => !Object.values(state).includes(t)));
        throw error;
      }
    }
  } finally {
    tf.dispose(Object.values(state));
  }
  const best = rows.map((row) => row.best(alpha, !row.isDone));
  return {
    ids: best.map((h) => h.tokens),
    scores: best.map((h) => normalizedScore(h, alpha)),
    logProbabilities: best.map((h) => h.logProbability),
    weights: best.map((h) => h.weights.map((row) => Array.from(row))),
    finished: best.map((h) => h.finished),
  };
}

/** Every tensor of `state` with its rows picked by `rows` (new tensors). */
function gatherState<S extends BeamState>(state: S, rows: number[]): S {
  return tf.tidy(() => {
    const indices = tf.tensor1d(rows, 'int32');
    return Object.fromEntries(Object.entries(state).map(([name, t]) => [name, tf.gather(t, indices)])) as S;
  });
}
