import { ArgumentError, assertKnownOptions, assertNonNegative, assertPositiveInteger } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { beamSearch } from '../text-common/beam-search.js';
import type { Vocabulary } from '../text-common/vocabulary.js';
import { checkCaptionImages } from './caption-checks.js';
import type { Captioner } from './captioner.js';

/** Options of {@link captionImages}. */
export interface CaptionImagesOptions {
  /** Hypotheses kept per image, >= 1; 1 is greedy decoding. Default 1. */
  beamWidth?: number;
  /** Most words generated per image, `<eos>` included. Default 16. */
  maxLength?: number;
  /** GNMT length normalisation alpha >= 0: beams ranked by log P / ((5 + n) / 6)^alpha. Default 0.6. */
  lengthPenalty?: number;
}

/** What {@link captionImages} returns, one entry per image. */
export interface CaptionImagesResult {
  captions: string[];
  /** The words of each caption (without `<bos>`/`<eos>`). */
  words: string[][];
  /** Attention over the S memory positions for each generated word (`<eos>` last): [image][step][S]. */
  weights: number[][][];
}

/**
 * Captions images with a trained {@link Captioner}: encodes them once, then decodes with the
 * shared `beamSearch` over the decoder's `step` (greedy for beamWidth 1). images [B, H, W, 3]
 * float32. The attention weights of each chosen word come back for {@link captionAttentionPng}.
 * Leaves no tensor behind.
 *
 * In plain words: let the model write the sentence for each picture, keeping the few most likely
 * drafts at each word when beamWidth > 1.
 *
 * @example
 * const { captions } = await captionImages(captioner, images, captionVocabulary(), { beamWidth: 3 });
 */
export async function captionImages(
  captioner: Captioner,
  images: tf.Tensor,
  vocabulary: Vocabulary,
  options: CaptionImagesOptions = {},
): Promise<CaptionImagesResult> {
  const fn = 'captionImages';
  assertKnownOptions(fn, 'options', options, ['beamWidth', 'maxLength', 'lengthPenalty']);
  const { beamWidth = 1, maxLength = 16, lengthPenalty = 0.6 } = options;
  assertPositiveInteger(fn, 'beamWidth', beamWidth);
  assertPositiveInteger(fn, 'maxLength', maxLength);
  assertNonNegative(fn, 'lengthPenalty', lengthPenalty);
  checkCaptionImages(fn, images, captioner.encoder);
  if (vocabulary.size !== captioner.decoder.vocabularySize) {
    throw new ArgumentError(
      fn,
      `expected a vocabulary of the captioner's size ${captioner.decoder.vocabularySize}, got ${vocabulary.size}`,
    );
  }
  const memory = captioner.encode(images);
  const start = captioner.decoder.start(memory);
  try {
    const result = await beamSearch((tokens, state) => captioner.decoder.step(tokens, state), start, {
      beamWidth,
      maxLength,
      lengthPenalty,
    });
    const words = result.ids.map((ids) => vocabulary.decode(ids));
    return { captions: words.map((w) => w.join(' ')), words, weights: result.weights };
  } finally {
    tf.dispose(Object.values(start));
  }
}
