import {
  ArgumentError,
  type CallContext,
  Dense,
  Embedding,
  Layer,
  type LayerConfig,
  type LayerOptions,
  assertOneOf,
  assertPositiveInteger,
  childSeed,
} from '@baihua/core';
import { LstmCell } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import {
  type AttentionScore,
  type ScoreLayers,
  attendOnce,
  createScoreLayers,
  memoryKeys,
  scoreLayerList,
} from './attention-score.js';
import { checkDecoderStart, checkDecoderTokens, checkTargetIds } from './attention-decoder-checks.js';

/** Options of {@link AttentionDecoder}. */
export interface AttentionDecoderOptions extends LayerOptions {
  /** Number of token ids V (a Vocabulary's size): the embedding rows and the logits. Required. */
  vocabularySize: number;
  /** Width D of each memory position (encoder output, CNN feature). Required. */
  memorySize: number;
  /** Token embedding width E. Default 32. */
  embeddingSize?: number;
  /** LSTM hidden size H. Default 64. */
  hiddenSize?: number;
  /** 'dot' (needs hiddenSize = memorySize), 'general' or 'additive'. Default 'general'. */
  score?: AttentionScore;
  /** Width of the additive score's tanh layer. Default hiddenSize. */
  attentionUnits?: number;
}

/**
 * The decoder's running state, every tensor with N rows (batch, or batch x beams): the LSTM's
 * `hidden` and `cell` [N, H], the last attention `context` [N, D], the `memory` [N, S, D], its
 * precomputed `keys` [N, S, K] and `memoryMask` [N, S] (float, 1 at real positions).
 */
export type AttentionDecoderState = {
  hidden: tf.Tensor2D;
  cell: tf.Tensor2D;
  context: tf.Tensor2D;
  memory: tf.Tensor3D;
  keys: tf.Tensor3D;
  memoryMask: tf.Tensor2D;
};

/** Options of {@link AttentionDecoder.start}. */
export interface DecoderStartOptions {
  /** [N, S]: true/1 at real memory positions, false/0 at padding. Default: all real. */
  memoryMask?: tf.Tensor;
  /** Initial LSTM hidden state [N, H] (an encoder's final state). Default zeros. */
  hidden?: tf.Tensor;
  /** Initial LSTM cell state [N, H]. Default zeros. */
  cell?: tf.Tensor;
}

/**
 * An LSTM decoder with attention over a memory [N, S, D] (Luong et al. 2015 with input feeding):
 * x_t = [embed(y_{t-1}); c_{t-1}], (h_t, C_t) = LSTM(x_t, (h_{t-1}, C_{t-1})),
 * a_t = softmax_s(score(h_t, m_s)) with padded positions at weight 0, c_t = sum_s a_t,s m_s,
 * logits_t = W_o tanh(W_c [h_t; c_t] + b_c) + b_o  [N, V].
 * Run it teacher-forced over whole targets ({@link AttentionDecoder.teacherForce}, training: logits
 * [B, T, V], attention [B, T, S]) or one token at a time ({@link AttentionDecoder.start} then
 * {@link AttentionDecoder.step}; {@link beamSearch} takes `step` directly). Both give the same numbers.
 * As a layer, `apply([targetIds [B, T], memory [B, S, D]], { mask: [undefined, memoryMask] })`
 * returns the teacher-forced logits. Weights are created at construction (seed default 0).
 *
 * @example
 * const decoder = new AttentionDecoder({ vocabularySize: 20, memorySize: 16, hiddenSize: 32, seed: 1 });
 * const state = decoder.start(memory, { memoryMask });          // memory [B, S, 16]
 * const { logits, weights } = decoder.teacherForce(targetInputs, state); // [B, T, 20], [B, T, S]
 * tf.dispose([state.hidden, state.cell, state.context, state.keys, state.memoryMask]);
 *
 * In plain words: it writes the output one token at a time, and before each token it looks back
 * at the parts of the input that matter now.
 */
export class AttentionDecoder extends Layer {
  override readonly takesInputList = true;
  readonly vocabularySize: number;
  readonly memorySize: number;
  readonly embeddingSize: number;
  readonly hiddenSize: number;
  readonly score: AttentionScore;
  readonly attentionUnits: number;
  readonly embedding: Embedding;
  readonly cell: LstmCell;
  private readonly scoreLayers: ScoreLayers;
  private readonly combine: Dense;
  private readonly output: Dense;

  constructor(options: AttentionDecoderOptions) {
    super(options, 'AttentionDecoder', [
      'vocabularySize',
      'memorySize',
      'embeddingSize',
      'hiddenSize',
      'score',
      'attentionUnits',
    ]);
    const { vocabularySize, memorySize, embeddingSize = 32, hiddenSize = 64, score = 'general' } = options;
    const attentionUnits = options.attentionUnits ?? hiddenSize;
    for (const [name, value] of Object.entries({
      vocabularySize,
      memorySize,
      embeddingSize,
      hiddenSize,
      attentionUnits,
    }))
      assertPositiveInteger('AttentionDecoder', name, value);
    assertOneOf('AttentionDecoder', 'score', score, ['dot', 'general', 'additive']);
    if (score === 'dot' && hiddenSize !== memorySize)
      throw new ArgumentError(
        'AttentionDecoder',
        `expected hiddenSize = memorySize for score 'dot', got hiddenSize ${hiddenSize} and memorySize ${memorySize}`,
      );
    this.vocabularySize = vocabularySize;
    this.memorySize = memorySize;
    this.embeddingSize = embeddingSize;
    this.hiddenSize = hiddenSize;
    this.score = score;
    this.attentionUnits = attentionUnits;
    this.seed ??= 0;
    const seed = this.seed;
    this.embedding = new Embedding({ inputDim: vocabularySize, outputDim: embeddingSize, seed: childSeed(seed, 0) });
    const inputSize = embeddingSize + memorySize;
    this.cell = new LstmCell({ inputSize, hiddenSize, seed: childSeed(seed, 1) });
    this.scoreLayers = createScoreLayers(score, hiddenSize, attentionUnits);
    this.combine = new Dense({ units: hiddenSize, activation: 'tanh', seed: childSeed(seed, 2) });
    this.output = new Dense({ units: vocabularySize, seed: childSeed(seed, 3) });
    scoreLayerList(this.scoreLayers).forEach((layer, i) => {
      layer.seed = childSeed(seed, 4 + i);
    });
    const named: [Layer, string][] = [
      [this.embedding, 'embedding'],
      [this.cell, 'cell'],
      ...scoreLayerList(this.scoreLayers).map((layer, i): [Layer, string] => [layer, `score${i}`]),
      [this.combine, 'combine'],
      [this.output, 'output'],
    ];
    for (const [layer, key] of named) this.nameChild(layer, key);
    this.embedding.ensureBuilt([1, 1]);
    this.scoreLayers.keys?.ensureBuilt([1, 1, memorySize]);
    this.scoreLayers.query?.ensureBuilt([1, hiddenSize]);
    this.scoreLayers.vector?.ensureBuilt([1, attentionUnits]);
    this.combine.ensureBuilt([1, hiddenSize + memorySize]);
    this.output.ensureBuilt([1, hiddenSize]);
    this.ensureBuilt([
      [1, 1],
      [1, 1, memorySize],
    ]);
  }

  override children(): Layer[] {
    return [this.embedding, this.cell, ...scoreLayerList(this.scoreLayers), this.combine, this.output];
  }

  /** Any batch, target length and memory length; the memory width must be memorySize. */
  protected override checkInputShape(): void {}

  /**
   * The state before the first token: zeros (or the given encoder state), a zero context, the
   * memory's keys. Every returned tensor is new except `memory`, which is the one given; dispose
   * the others (and the states `step` returns) when done.
   */
  start(memory: tf.Tensor, options: DecoderStartOptions = {}): AttentionDecoderState {
    const { batch, steps } = checkDecoderStart('AttentionDecoder.start', this, memory, options);
    return tf.tidy(() => {
      const zeros = () => tf.zeros([batch, this.hiddenSize]) as tf.Tensor2D;
      const given = (t: tf.Tensor | undefined) => (t === undefined ? zeros() : (tf.clone(t) as tf.Tensor2D));
      return {
        hidden: given(options.hidden),
        cell: given(options.cell),
        context: tf.zeros([batch, this.memorySize]) as tf.Tensor2D,
        memory: memory as tf.Tensor3D,
        keys: memoryKeys(this.scoreLayers, memory as tf.Tensor3D),
        memoryMask: (options.memoryMask === undefined
          ? tf.ones([batch, steps])
          : tf.cast(options.memoryMask, 'float32')) as tf.Tensor2D,
      };
    });
  }

  /**
   * One decoding step: tokens int32 [N] (the previous token, `<bos>` first) -> `logits` [N, V],
   * attention `weights` [N, S] and the next state (new hidden, cell, context; memory, keys and
   * memoryMask passed through as the same tensors).
   */
  step(
    tokens: tf.Tensor,
    state: AttentionDecoderState,
  ): { logits: tf.Tensor2D; weights: tf.Tensor2D; state: AttentionDecoderState } {
    checkDecoderTokens('AttentionDecoder.step', this, tokens, state);
    return tf.tidy(() => {
      const embedded = tf.reshape(this.embedding.apply(tokens), [tokens.shape[0] as number, this.embeddingSize]);
      return this.stepEmbedded(embedded as tf.Tensor2D, state);
    });
  }

  /**
   * Teacher forcing: targetIds int32 [B, T] (`<bos>` then the target, shifted right) from a state of
   * {@link AttentionDecoder.start} -> logits [B, T, V] and attention weights [B, T, S]: exactly the
   * numbers of T calls to `step` fed the given tokens.
   */
  teacherForce(targetIds: tf.Tensor, state: AttentionDecoderState): { logits: tf.Tensor3D; weights: tf.Tensor3D } {
    checkTargetIds('AttentionDecoder.teacherForce', this, targetIds, state);
    return tf.tidy(() => {
      const [batch, time] = targetIds.shape as [number, number];
      const embedded = this.embedding.apply(targetIds);
      let current = state;
      const logits: tf.Tensor2D[] = [];
      const weights: tf.Tensor2D[] = [];
      for (let t = 0; t < time; t++) {
        const x = tf.reshape(tf.slice(embedded, [0, t, 0], [batch, 1, this.embeddingSize]), [
          batch,
          this.embeddingSize,
        ]);
        const out = this.stepEmbedded(x as tf.Tensor2D, current);
        logits.push(out.logits);
        weights.push(out.weights);
        current = out.state;
      }
      return { logits: tf.stack(logits, 1) as tf.Tensor3D, weights: tf.stack(weights, 1) as tf.Tensor3D };
    });
  }

  private stepEmbedded(embedded: tf.Tensor2D, state: AttentionDecoderState) {
    const input = tf.concat([embedded, state.context], 1) as tf.Tensor2D;
    const { hidden, cell } = this.cell.step(input, { hidden: state.hidden, cell: state.cell });
    const { weights, context } = attendOnce(this.scoreLayers, hidden, state.keys, state.memory, state.memoryMask);
    const attentional = this.combine.apply(tf.concat([hidden, context], 1));
    const logits = this.output.apply(attentional) as tf.Tensor2D;
    return { logits, weights, state: { ...state, hidden, cell, context } };
  }

  /** As a layer: [targetIds [B, T], memory [B, S, D]] (mask [undefined, memoryMask]) -> logits [B, T, V]. */
  protected override call(x: tf.Tensor | tf.Tensor[], context: CallContext): tf.Tensor {
    const [targetIds, memory] = x as [tf.Tensor, tf.Tensor];
    const state = this.start(memory, { memoryMask: context.masks?.[1] });
    return this.teacherForce(targetIds, state).logits;
  }

  /** The output carries no mask: the memory mask is consumed by the attention. */
  protected override computeMask(): undefined {
    return undefined;
  }

  override getConfig(): LayerConfig {
    const { vocabularySize, memorySize, embeddingSize, hiddenSize, score, attentionUnits } = this;
    return { ...super.getConfig(), vocabularySize, memorySize, embeddingSize, hiddenSize, score, attentionUnits };
  }
}
