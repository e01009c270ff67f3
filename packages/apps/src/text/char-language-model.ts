import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Dense,
  Embedding,
  Layer,
  type LayerOptions,
  assertPositiveInteger,
} from '@baihua/core';
import { LstmCell, type LstmState, runSequence } from '@baihua/rnn';

/** Options of {@link CharLanguageModel}. */
export interface CharLanguageModelOptions extends LayerOptions {
  /** Number of ids the model reads and predicts (a Vocabulary's `size`, specials included). Required. */
  vocabularySize: number;
  /** Length of each character's embedding vector. Default 32. */
  embeddingSize?: number;
  /** Hidden units of each LSTM layer. Default 128. */
  units?: number;
  /** Stacked LSTM layers, 1 or 2. Default 1. */
  layers?: number;
}

/** What {@link CharLanguageModel.run} returns. */
export interface CharLanguageModelRun {
  /** Next-token logits [batch, time, vocabularySize]: position t scores the token after ids[:, t]. */
  logits: tf.Tensor3D;
  /** The state of each LSTM layer after the last step, to continue from. */
  finalState: LstmState[];
}

/**
 * A character-level language model: ids [batch, time] -> Embedding -> LSTM (1 or 2 layers) ->
 * Dense -> logits [batch, time, vocabularySize], where the logits at step t score the character at
 * t + 1: p(c_{t+1} | c_1..c_t) = softmax(logits_t). Trained with {@link trainCharLanguageModel},
 * sampled with {@link generateText}, scored with {@link perplexity}.
 *
 * `state` makes it stateful (Keras' `stateful: true`): while it holds one state per layer, `apply`
 * starts from it and replaces it by the final state (copies outside any gradient), so consecutive
 * windows of one text continue each other: truncated backpropagation through time. `undefined`
 * (the default) starts every `apply` from zeros.
 *
 * @example
 * const model = new CharLanguageModel({ vocabularySize: vocabulary.size, units: 64, seed: 1 });
 * const { logits, finalState } = model.run(tf.tensor2d([[4, 5, 6]], [1, 3], 'int32')); // [1, 3, V]
 *
 * In plain words: the seed's "note A -> LSTM -> note B", with characters for notes.
 */
export class CharLanguageModel extends Layer {
  readonly vocabularySize: number;
  readonly embeddingSize: number;
  readonly units: number;
  readonly layerCount: number;
  /** Carried state, one entry per LSTM layer (see the class doc); the caller disposes what it sets. */
  state: LstmState[] | undefined;
  private readonly embedding: Embedding;
  private readonly cells: LstmCell[];
  private readonly output: Dense;

  constructor(options: CharLanguageModelOptions) {
    super(options, 'CharLanguageModel', ['vocabularySize', 'embeddingSize', 'units', 'layers']);
    const { vocabularySize, embeddingSize = 32, units = 128, layers = 1 } = options;
    assertPositiveInteger('CharLanguageModel', 'vocabularySize', vocabularySize);
    assertPositiveInteger('CharLanguageModel', 'embeddingSize', embeddingSize);
    assertPositiveInteger('CharLanguageModel', 'units', units);
    if (layers !== 1 && layers !== 2)
      throw new ArgumentError('CharLanguageModel', `expected layers to be 1 or 2, got ${String(layers)}`);
    this.vocabularySize = vocabularySize;
    this.embeddingSize = embeddingSize;
    this.units = units;
    this.layerCount = layers;
    const seed = this.seed ?? 1;
    this.embedding = new Embedding({ inputDim: vocabularySize, outputDim: embeddingSize, seed });
    this.cells = Array.from(
      { length: layers },
      (_, i) => new LstmCell({ inputSize: i === 0 ? embeddingSize : units, hiddenSize: units, seed: seed + 1 + i }),
    );
    this.output = new Dense({ units: vocabularySize, seed: seed + 10 });
    this.nameChild(this.embedding, 'embedding');
    this.cells.forEach((cell, i) => this.nameChild(cell, `lstm_${i + 1}`));
    this.nameChild(this.output, 'output');
  }

  override children(): Layer[] {
    return [this.embedding, ...this.cells, this.output];
  }

  /** Zeros for every layer's state, [batch, units] each. */
  zeroState(batch: number): LstmState[] {
    return this.cells.map((cell) => cell.zeroState(batch));
  }

  /**
   * Runs ids [batch, time] from `initialState` (default zeros) and returns the logits and the
   * final state (new tensors; the caller disposes them).
   */
  run(ids: tf.Tensor, initialState?: readonly LstmState[]): CharLanguageModelRun {
    if (ids.rank !== 2)
      throw new ArgumentError('CharLanguageModel.run', `expected ids of rank 2 ([batch, time]), got rank ${ids.rank}`);
    this.ensureBuilt(ids.shape);
    const [batch, time] = ids.shape as [number, number];
    let x = this.embedding.apply(ids) as tf.Tensor;
    const finalState: LstmState[] = [];
    this.cells.forEach((cell, i) => {
      const result = runSequence(cell, x, { initialState: initialState?.[i], returnSequences: true });
      x = result.outputs;
      finalState.push(result.finalState);
    });
    const flat = tf.reshape(x, [batch * time, this.units]);
    const logits = tf.reshape(this.output.apply(flat) as tf.Tensor, [batch, time, this.vocabularySize]);
    return { logits: logits as tf.Tensor3D, finalState };
  }

  /** Builds the children for ids [batch, time] (the sizes are known from the options). */
  protected override build(): void {
    this.embedding.ensureBuilt([1, 1]);
    for (const cell of this.cells) cell.ensureBuilt([1, 1, cell.inputSize]);
    this.output.ensureBuilt([1, this.units]);
  }

  /** Any batch and length; ids must be [batch, time]. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    if (inputShape.length !== 2)
      throw new ArgumentError(
        'CharLanguageModel.apply',
        `expected ids of rank 2 ([batch, time]), got rank ${inputShape.length}`,
      );
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const { logits, finalState } = this.run(x, this.state);
    if (this.state !== undefined) {
      disposeState(this.state);
      this.state = finalState.map((s) => ({ hidden: tf.keep(tf.clone(s.hidden)), cell: tf.keep(tf.clone(s.cell)) }));
    }
    return logits;
  }

  override getConfig() {
    return {
      ...super.getConfig(),
      vocabularySize: this.vocabularySize,
      embeddingSize: this.embeddingSize,
      units: this.units,
      layers: this.layerCount,
    };
  }
}

/** Disposes every tensor of a model state (undefined: nothing to do). */
export function disposeState(state: readonly LstmState[] | undefined): void {
  for (const layer of state ?? []) tf.dispose([layer.hidden, layer.cell]);
}

/** `tf.tidy` for a result holding states (plain objects of tensors, which tidy keeps as it walks them). */
export function tidyWithState<T>(compute: () => T): T {
  return tf.tidy(compute as unknown as () => tf.TensorContainer) as unknown as T;
}
