import { ArgumentError, assertKnownOptions, Composite, type Layer, ShapeError } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';
import {
  type EmbeddingData,
  runTraining,
  type TrainEmbeddingOptions,
  trainEmbeddingOptionKeys,
} from './train-embedding.js';

/** Options of {@link fineTuneFaceNet}: trainEmbedding's, plus how much of the net stays frozen. */
export interface FineTuneFaceNetOptions extends TrainEmbeddingOptions {
  /** Residual blocks (of 14, input side first) frozen with the stem. Default 7 (the 32- and 64-channel stages). */
  frozenBlocks?: number;
}

/** The face net's layer keys in forward order: the stem, the 14 residual blocks, the fc layer. */
export function faceNetParts(fn: string, net: Layer): { stem: Layer[]; blocks: Layer[][]; head: Layer[] } {
  const expected = 'expected net to be a face recognition net (createFaceRecognitionNet, loadFaceRecognitionNet)';
  if (!(net instanceof Composite) || net.layers.fc === undefined || net.layers.conv32_down_conv === undefined)
    throw new ArgumentError(fn, `${expected}, got ${net === null ? 'null' : ((net as Layer)?.name ?? typeof net)}`);
  const stem: Layer[] = [];
  const blocks = new Map<string, Layer[]>();
  for (const [key, layer] of Object.entries(net.layers as Record<string, Layer>)) {
    if (key.startsWith('conv32_down_')) stem.push(layer);
    else {
      const block = /^(.+)_conv[12]_(conv|scale)$/.exec(key)?.[1];
      if (block !== undefined) blocks.set(block, [...(blocks.get(block) ?? []), layer]);
    }
  }
  if (blocks.size !== 14) throw new ArgumentError(fn, `${expected}, got a Composite with ${blocks.size} blocks`);
  return { stem, blocks: [...blocks.values()], head: [net.layers.fc as Layer] };
}

/**
 * Fine-tunes face-api's face-recognition net (from `loadFaceRecognitionNet`) with a triplet loss
 * in one call: once every input check has passed, sets the stem and the first `frozenBlocks`
 * residual blocks `trainable = false` (their weights are left bit for bit as they are) and every
 * later block and the fc layer `trainable = true`, then trains with {@link trainEmbedding} on
 * P x K batches of 150 x 150 RGB crops. Nothing is restored afterwards: the net stays frozen that
 * way (set `net.trainable = true` to train all of it again). The net has no batch norm, so frozen
 * layers hold no statistics that training mode could move.
 * The net normalises pixels itself: images [N, 150, 150, 3] in 0..255, as for its descriptors.
 * Other sizes are refused before anything changes: the net is built for 150 x 150 and refuses any
 * other input shape (and its stride-2 stem, pool and four downsampling blocks leave no grid below 131 px).
 * Defaults: frozenBlocks 7 (stem and blocks conv32_1 .. conv64_3 frozen), trainEmbedding's
 * otherwise (margin 0.2, Adam 1e-3). Returns every step's loss.
 *
 * In plain words: keep the pretrained eyes that see edges and textures, and retrain only the
 * last judgement of which faces are alike.
 *
 * @example
 * const net = await loadFaceRecognitionNet(manifest, readShard);
 * await fineTuneFaceNet(net, { images, labels }, {
 *   frozenBlocks: 10, mining: 'semi-hard', steps: 50, identitiesPerBatch: 4, samplesPerIdentity: 2,
 * });
 */
export async function fineTuneFaceNet(
  net: Layer,
  data: EmbeddingData,
  options: FineTuneFaceNetOptions,
): Promise<{ loss: number[] }> {
  const fn = 'fineTuneFaceNet';
  assertKnownOptions(fn, 'options', options, [...trainEmbeddingOptionKeys, 'frozenBlocks']);
  const { frozenBlocks = 7, ...training } = options;
  const { stem, blocks, head } = faceNetParts(fn, net);
  if (!Number.isInteger(frozenBlocks) || frozenBlocks < 0 || frozenBlocks > blocks.length)
    throw new ArgumentError(
      fn,
      `expected frozenBlocks to be an integer in [0, ${blocks.length}], got ${String(frozenBlocks)}`,
    );
  const images = data?.images as tf.Tensor | undefined;
  if (images !== undefined && typeof images === 'object' && 'shape' in images) {
    const [, h, w, c] = images.shape;
    if (images.rank !== 4 || h !== 150 || w !== 150 || c !== 3)
      throw new ShapeError(fn, `expected data.images of shape [N, 150, 150, 3], got [${images.shape.join(',')}]`);
  }
  const frozen = [...stem, ...blocks.slice(0, frozenBlocks).flat()];
  const trained = [...blocks.slice(frozenBlocks).flat(), ...head];
  return runTraining(fn, net, data, training, () => {
    for (const layer of frozen) layer.trainable = false;
    for (const layer of trained) layer.trainable = true;
  });
}
