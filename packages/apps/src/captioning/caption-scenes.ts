import { ArgumentError, assertKnownOptions, assertOneOf, assertPositiveInteger, createRandom } from '@baihua/core';
import type { SeededRandom } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { renderScene } from './render-scene.js';
import {
  describeScene,
  isHeldOutPair,
  sceneColours,
  sceneRelations,
  sceneShapes,
  sceneSizes,
  type SceneColour,
  type SceneSpec,
} from './scene-grammar.js';

/** Which scenes: 'train' never shows a held-out colour-shape pair, 'test' always shows one. */
export type SceneSplit = 'train' | 'test';

/** Options of {@link captionScenes}. */
export interface CaptionScenesOptions {
  /** How many scenes. Required. */
  count: number;
  /** Seed of the scene draws and the rendering; the same seed gives the same scenes. Default 0. */
  seed?: number;
  /** Image side in pixels, >= 16. Default 48. */
  size?: number;
  /** Default 'train'. See {@link heldOutPairs}. */
  split?: SceneSplit;
}

/** What {@link captionScenes} returns: the images, one caption each, and the scenes drawn. */
export interface CaptionedScenes {
  /** [count, size, size, 3] float32 RGB in [0, 1]. The caller disposes it. */
  images: tf.Tensor4D;
  captions: string[];
  scenes: SceneSpec[];
}

const colours = Object.keys(sceneColours) as SceneColour[];
const pick = <T>(items: readonly T[], rng: SeededRandom): T => items[rng.integer(items.length)] as T;

function drawSpec(rng: SeededRandom): SceneSpec {
  return {
    count: (1 + rng.integer(3)) as 1 | 2 | 3,
    size: pick(sceneSizes, rng),
    colour: pick(colours, rng),
    shape: pick(sceneShapes, rng),
    relation: pick(sceneRelations, rng),
    objectColour: pick(colours, rng),
    objectShape: pick(sceneShapes, rng),
  };
}

/**
 * Whether the scene belongs to the split: 'test' scenes show a held-out pair (see {@link heldOutPairs})
 * in the group or as the reference object, 'train' scenes show none.
 *
 * In plain words: does this picture go to the lessons or to the exam?
 *
 * @example
 * sceneInSplit({ ...scene, colour: 'red', shape: 'triangle' }, 'test'); // true
 */
export function sceneInSplit(scene: SceneSpec, split: SceneSplit): boolean {
  const heldOut = isHeldOutPair(scene.colour, scene.shape) || isHeldOutPair(scene.objectColour, scene.objectShape);
  return split === 'test' ? heldOut : !heldOut;
}

/**
 * SYNTHETIC data: procedurally rendered scenes with captions from a small grammar (see
 * {@link describeScene}), e.g. "two small red circles left of a blue square". Scenes are drawn
 * uniformly (count 1..3, size, colour, shape, relation, reference colour and shape) and kept when
 * they belong to the split: the test split shows colour-shape pairs that training never does
 * ({@link heldOutPairs}), so scoring it measures compositional generalisation. Deterministic by
 * seed (the split is part of the seed, so train and test scenes differ even with the same seed).
 * Images: [count, size, size, 3], float32 in [0, 1].
 *
 * In plain words: a picture book of coloured shapes with one true sentence per page, where the
 * exam pages use colour-shape pairs the lessons never showed together.
 *
 * @example
 * const { images, captions } = captionScenes({ count: 4, seed: 1, split: 'test' });
 * images.shape; // [4, 48, 48, 3]
 * captions[0]; // e.g. 'three large yellow squares below a red triangle'
 */
export function captionScenes(options: CaptionScenesOptions): CaptionedScenes {
  assertKnownOptions('captionScenes', 'options', options, ['count', 'seed', 'size', 'split']);
  const { count, seed = 0, size = 48, split = 'train' } = options ?? {};
  assertPositiveInteger('captionScenes', 'count', count);
  if (!Number.isInteger(seed)) throw new ArgumentError('captionScenes', `expected seed to be an integer, got ${seed}`);
  assertPositiveInteger('captionScenes', 'size', size);
  if (size < 16) throw new ArgumentError('captionScenes', `expected size >= 16, got ${size}`);
  assertOneOf('captionScenes', 'split', split, ['train', 'test']);
  const rng = createRandom((seed ^ (split === 'test' ? 0x5bd1e995 : 0x1b873593)) >>> 0);
  const pixels = new Float32Array(count * size * size * 3);
  const scenes: SceneSpec[] = [];
  while (scenes.length < count) {
    const scene = drawSpec(rng);
    if (!sceneInSplit(scene, split)) continue;
    pixels.set(renderScene(scene, size, rng), scenes.length * size * size * 3);
    scenes.push(scene);
  }
  return { images: tf.tensor4d(pixels, [count, size, size, 3]), captions: scenes.map(describeScene), scenes };
}
