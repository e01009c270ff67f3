import { ConvBlock, GlobalAvgPool2D, MaxPool2D } from '@baihua/cnn';
import { Dense, Sequential } from '@baihua/core';

/** Options of {@link glyphEmbeddingNet}. */
export interface GlyphEmbeddingNetOptions {
  /** Filters of each conv/BN/ReLU stage; a 2x2 max pool follows every stage but the last. Default [32, 64, 128]. */
  filters?: readonly number[];
  /** Embedding length. Default 64. */
  units?: number;
  /** Seed of the initial weights. Default 1. */
  seed?: number;
}

/**
 * The example's embedding network: glyph images [B, 32, 32, 1] -> stages of 3x3 conv + batch norm
 * + ReLU (2x2 max pool between stages) -> global average pool -> Dense -> [B, units] (L2-normalised
 * by trainEmbedding / embedImages, not here).
 *
 * In plain words: a small eye that turns a character's picture into 64 numbers.
 *
 * @example
 * const net = glyphEmbeddingNet({ filters: [16, 32], units: 32 });
 */
export function glyphEmbeddingNet(options: GlyphEmbeddingNetOptions = {}): Sequential {
  const { filters = [32, 64, 128], units = 64, seed = 1 } = options;
  const layers = filters.flatMap((count, i) => [
    new ConvBlock({ filters: count, kernelSize: 3, padding: 'same', momentum: 0.9 }),
    ...(i < filters.length - 1 ? [new MaxPool2D({ poolSize: 2 })] : []),
  ]);
  return new Sequential({ layers: [...layers, new GlobalAvgPool2D(), new Dense({ units })], seed });
}
