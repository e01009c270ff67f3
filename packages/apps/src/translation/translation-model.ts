import {
  ArgumentError,
  type CallContext,
  Embedding,
  Layer,
  type LayerConfig,
  type LayerOptions,
  assertPositiveInteger,
  childSeed,
} from '@baihua/core';
import { Bidirectional, LSTM } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import { AttentionDecoder } from '../text-common/attention-decoder.js';
import type { AttentionScore } from '../text-common/attention-score.js';
import { Vocabulary } from '../text-common/vocabulary.js';

/** Options of {@link TranslationModel}. */
export interface TranslationModelOptions extends LayerOptions {
  /** The source side's token table. Required. */
  sourceVocabulary: Vocabulary;
  /** The target side's token table. Required. */
  targetVocabulary: Vocabulary;
  /** Token embedding width on both sides. Default 32. */
  embeddingSize?: number;
  /** LSTM units of the encoder (per direction) and of the decoder. Default 64. */
  hiddenSize?: number;
  /** Read the source both ways (memory width 2 hiddenSize). Default true. */
  bidirectional?: boolean;
  /** The decoder's attention score. Default 'general' (Luong). */
  score?: AttentionScore;
}

/**
 * An encoder-decoder with attention: Embedding -> (bidirectional) LSTM over the source ids gives
 * the memory [B, S, D] (D = hiddenSize, or 2 hiddenSize both ways; padded positions masked), then an
 * {@link AttentionDecoder} reads it. `apply([sourceIds [B, S], targetInputIds [B, T]])` (int32,
 * 0 = `<pad>`, targets starting with `<bos>`) gives teacher-forced logits [B, T, V_target], which
 * `fit`/`trainStep` train with {@link sequenceCrossEntropy}; {@link translate} decodes.
 * Weights are created at construction (seed default 0).
 *
 * @example
 * const model = new TranslationModel({ sourceVocabulary, targetVocabulary, hiddenSize: 64, seed: 1 });
 * const logits = model.apply([sourceIds, targetInputIds]); // [B, T, targetVocabulary.size]
 *
 * In plain words: one network reads the sentence, another writes the translation while looking back at it.
 */
export class TranslationModel extends Layer {
  override readonly takesInputList = true;
  readonly sourceVocabulary: Vocabulary;
  readonly targetVocabulary: Vocabulary;
  readonly embedding: Embedding;
  readonly encoder: Layer;
  readonly decoder: AttentionDecoder;

  constructor(options: TranslationModelOptions) {
    super(options, 'TranslationModel', [
      'sourceVocabulary',
      'targetVocabulary',
      'embeddingSize',
      'hiddenSize',
      'bidirectional',
      'score',
    ]);
    const { sourceVocabulary, targetVocabulary, embeddingSize = 32, hiddenSize = 64, bidirectional = true } = options;
    for (const [name, vocabulary] of Object.entries({ sourceVocabulary, targetVocabulary }))
      if (!(vocabulary instanceof Vocabulary))
        throw new ArgumentError('TranslationModel', `expected ${name} to be a Vocabulary, got ${typeof vocabulary}`);
    assertPositiveInteger('TranslationModel', 'embeddingSize', embeddingSize);
    assertPositiveInteger('TranslationModel', 'hiddenSize', hiddenSize);
    if (typeof bidirectional !== 'boolean')
      throw new ArgumentError('TranslationModel', `expected bidirectional to be a boolean, got ${bidirectional}`);
    this.sourceVocabulary = sourceVocabulary;
    this.targetVocabulary = targetVocabulary;
    this.seed ??= 0;
    const seed = this.seed;
    this.embedding = new Embedding({
      inputDim: sourceVocabulary.size,
      outputDim: embeddingSize,
      seed: childSeed(seed, 0),
    });
    const lstm = new LSTM({ units: hiddenSize, returnSequences: true, seed: childSeed(seed, 1) });
    this.encoder = bidirectional ? new Bidirectional({ layer: lstm, seed: childSeed(seed, 1) }) : lstm;
    this.decoder = new AttentionDecoder({
      vocabularySize: targetVocabulary.size,
      memorySize: bidirectional ? 2 * hiddenSize : hiddenSize,
      embeddingSize,
      hiddenSize,
      score: options.score,
      seed: childSeed(seed, 2),
    });
    this.nameChild(this.embedding, 'embedding');
    this.nameChild(this.encoder, 'encoder');
    this.nameChild(this.decoder, 'decoder');
    tf.tidy(() => {
      this.encode(tf.ones([1, 1], 'int32'));
    });
    this.ensureBuilt([
      [1, 1],
      [1, 1],
    ]);
  }

  override children(): Layer[] {
    return [this.embedding, this.encoder, this.decoder];
  }

  /** Any batch and lengths. */
  protected override checkInputShape(): void {}

  /** sourceIds int32 [B, S] -> memory [B, S, D] and memoryMask [B, S] (1 at real tokens). New tensors. */
  encode(sourceIds: tf.Tensor, training = false): { memory: tf.Tensor3D; memoryMask: tf.Tensor2D } {
    return tf.tidy(() => {
      const memoryMask = tf.cast(tf.notEqual(sourceIds, 0), 'float32') as tf.Tensor2D;
      const embedded = this.embedding.apply(sourceIds, { training });
      const memory = this.encoder.apply(embedded, { training, mask: tf.cast(memoryMask, 'bool') }) as tf.Tensor3D;
      return { memory, memoryMask };
    });
  }

  /** [sourceIds [B, S], targetInputIds [B, T]] -> teacher-forced logits [B, T, V_target]. */
  protected override call(x: tf.Tensor | tf.Tensor[], context: CallContext): tf.Tensor {
    const [sourceIds, targetIds] = x as [tf.Tensor, tf.Tensor];
    const { memory, memoryMask } = this.encode(sourceIds, context.training);
    const start = this.decoder.start(memory, { memoryMask });
    return this.decoder.teacherForce(targetIds, start).logits;
  }

  /** Not saveable as a config (it holds two vocabularies): save its weights with getWeights(). */
  override getConfig(): LayerConfig {
    throw new ArgumentError(
      'TranslationModel.getConfig',
      'expected no config save: the model holds vocabularies; save getWeights() and rebuild with the same options',
    );
  }

  /** The target ids carry no mask out: the loss masks padding itself. */
  protected override computeMask(): undefined {
    return undefined;
  }
}
