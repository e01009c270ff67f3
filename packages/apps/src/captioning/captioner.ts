import {
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  assertPositiveInteger,
  childSeed,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { AttentionDecoder } from '../text-common/attention-decoder.js';
import type { AttentionScore } from '../text-common/attention-score.js';
import { CaptionEncoder } from './caption-encoder.js';
import { checkCaptionImages } from './caption-checks.js';

/** Options of {@link Captioner}. */
export interface CaptionerOptions extends LayerOptions {
  /** The vocabulary's size V. Required. */
  vocabularySize: number;
  /** The encoder's ConvBlock filters. Default [16, 32, 64]. */
  filters?: readonly number[];
  /** Word embedding width. Default 32. */
  embeddingSize?: number;
  /** The decoder LSTM's hidden size. Default 96. */
  hiddenSize?: number;
  /** The attention score. Default 'general' (Luong). */
  score?: AttentionScore;
}

/**
 * An image captioner: the CNN {@link CaptionEncoder} turns images [B, H, W, 3] into a memory
 * [B, S, C] (S = grid positions), and the shared AttentionDecoder (LSTM with input feeding and
 * attention over the S positions) writes the caption word by word. As a layer, it takes
 * `[images, inputIds [B, T]]` and returns the teacher-forced logits [B, T, V], so core's
 * `trainStep` trains it with {@link sequenceCrossEntropy}; {@link captionImages} decodes.
 *
 * In plain words: an eye (the CNN) and a writer (the LSTM) who glances back at parts of the
 * picture before each word.
 *
 * @example
 * const captioner = new Captioner({ vocabularySize: captionVocabulary().size, seed: 1 });
 * captioner.apply([images, inputIds]).shape; // [B, T, V]
 */
export class Captioner extends Layer {
  override readonly takesInputList = true;
  readonly encoder: CaptionEncoder;
  readonly decoder: AttentionDecoder;

  constructor(options: CaptionerOptions) {
    super(options, 'Captioner', ['vocabularySize', 'filters', 'embeddingSize', 'hiddenSize', 'score']);
    assertPositiveInteger('Captioner', 'vocabularySize', options.vocabularySize);
    const seed = this.seed ?? 0;
    this.encoder = new CaptionEncoder({ filters: options.filters, seed: childSeed(seed, 0) });
    this.decoder = new AttentionDecoder({
      vocabularySize: options.vocabularySize,
      memorySize: this.encoder.memorySize,
      embeddingSize: options.embeddingSize ?? 32,
      hiddenSize: options.hiddenSize ?? 96,
      score: options.score ?? 'general',
      seed: childSeed(seed, 1),
    });
    this.nameChild(this.encoder, 'encoder');
    this.nameChild(this.decoder, 'decoder');
  }

  override children(): Layer[] {
    return [this.encoder, this.decoder];
  }

  /** Any batch and caption length; images are checked by {@link checkCaptionImages}. */
  protected override checkInputShape(): void {}

  /** images [B, H, W, 3] -> memory [B, S, C] (inference mode unless `training`). */
  encode(images: tf.Tensor, training = false): tf.Tensor3D {
    checkCaptionImages('Captioner.encode', images, this.encoder);
    return this.encoder.apply(images, { training }) as tf.Tensor3D;
  }

  /** Teacher-forced logits [B, T, V] and attention weights [B, T, S] for images and inputIds [B, T]. */
  teacherForce(
    images: tf.Tensor,
    inputIds: tf.Tensor,
    training = false,
  ): { logits: tf.Tensor3D; weights: tf.Tensor3D } {
    checkCaptionImages('Captioner.teacherForce', images, this.encoder);
    return tf.tidy(() => {
      const memory = this.encoder.apply(images, { training }) as tf.Tensor3D;
      return this.decoder.teacherForce(inputIds, this.decoder.start(memory));
    });
  }

  protected override call(x: tf.Tensor | tf.Tensor[], context: CallContext): tf.Tensor {
    const [images, inputIds] = x as [tf.Tensor, tf.Tensor];
    checkCaptionImages('Captioner', images, this.encoder);
    const memory = this.encoder.apply(images, { training: context.training });
    // trainStep hands inputs over as float32; token ids are exact small integers either way.
    return this.decoder.apply([tf.cast(inputIds, 'int32'), memory], { training: context.training });
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      vocabularySize: this.decoder.vocabularySize,
      filters: [...this.encoder.filters],
      embeddingSize: this.decoder.embeddingSize,
      hiddenSize: this.decoder.hiddenSize,
      score: this.decoder.score,
    };
  }
}
