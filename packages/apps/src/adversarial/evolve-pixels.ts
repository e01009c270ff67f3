import * as tf from '@tensorflow/tfjs-core';
import type { SeededRandom } from '@baihua/core';
import type { PixelBounds } from './attack-checks.js';
import { checkedLogits } from './classifier.js';
import { type FlatImage, initialPopulation, mutate, paintCandidate } from './pixel-candidates.js';

/** The settings of one differential evolution run (see onePixelAttack). */
export interface EvolveSettings {
  pixels: number;
  populationSize: number;
  iterations: number;
  scale: number;
  bounds: PixelBounds;
  random: SeededRandom;
}

/** Scores of one image's candidates: fitness to minimise, and whether each fooled the classifier. */
interface Scores {
  fitness: Float64Array;
  fooled: boolean[];
}

/**
 * Differential evolution of pixel candidates for several images at once (the one-pixel attack's
 * search): an initial population per image, then up to `iterations` generations of mutation
 * (no crossover) and parent-versus-child selection. Each generation's candidates of every image
 * still searching go through `f` in one forward. An image stops at its first fooling candidate.
 * Returns each image with its best candidate painted in (flat [H, W, C] values).
 */
export async function evolvePixels(
  fn: string,
  f: (images: tf.Tensor) => tf.Tensor,
  images: FlatImage[],
  wanted: number[],
  targeted: boolean,
  settings: EvolveSettings,
): Promise<Float32Array[]> {
  const { pixels, populationSize, iterations, scale, bounds, random } = settings;
  const populations = images.map((image) => initialPopulation(image, pixels, populationSize, bounds, random));
  const scores = await score(fn, f, images, populations, wanted, targeted, bounds);
  const winners: (Float64Array | undefined)[] = images.map((_, k) => fooling(populations[k]!, scores[k]!));
  for (let generation = 0; generation < iterations; generation++) {
    const active = images.map((_, k) => k).filter((k) => winners[k] === undefined);
    if (active.length === 0) break;
    const children = active.map((k) => mutate(populations[k]!, scale, random));
    const childImages = active.map((k) => images[k]!);
    const childScores = await score(
      fn,
      f,
      childImages,
      children,
      active.map((k) => wanted[k]!),
      targeted,
      bounds,
    );
    active.forEach((k, a) => {
      const parents = scores[k]!;
      const offspring = childScores[a]!;
      for (let i = 0; i < populationSize; i++) {
        if ((offspring.fitness[i] as number) < (parents.fitness[i] as number)) {
          populations[k]![i] = children[a]![i]!;
          parents.fitness[i] = offspring.fitness[i]!;
          parents.fooled[i] = offspring.fooled[i]!;
        }
      }
      winners[k] = fooling(populations[k]!, parents);
    });
  }
  return images.map((image, k) => {
    const candidate = winners[k] ?? fittest(populations[k]!, scores[k]!);
    const out = new Float32Array(image.values.length);
    paintCandidate(image, candidate, bounds, out, 0);
    return out;
  });
}

function fooling(population: Float64Array[], scores: Scores): Float64Array | undefined {
  const index = scores.fooled.indexOf(true);
  return index < 0 ? undefined : population[index];
}

function fittest(population: Float64Array[], scores: Scores): Float64Array {
  let best = 0;
  scores.fitness.forEach((value, i) => {
    if (value < (scores.fitness[best] as number)) best = i;
  });
  return population[best] as Float64Array;
}

/** One forward of every candidate of every image: fitness (p_label, or -p_target) and fooled flags. */
async function score(
  fn: string,
  f: (images: tf.Tensor) => tf.Tensor,
  images: FlatImage[],
  populations: Float64Array[][],
  wanted: number[],
  targeted: boolean,
  bounds: PixelBounds,
): Promise<Scores[]> {
  const { height, width, channels } = images[0] as FlatImage;
  const size = height * width * channels;
  const count = populations.reduce((sum, p) => sum + p.length, 0);
  const batch = new Float32Array(count * size);
  let row = 0;
  populations.forEach((population, k) => {
    for (const candidate of population) paintCandidate(images[k]!, candidate, bounds, batch, size * row++);
  });
  const probabilities = tf.tidy(() =>
    tf.softmax(checkedLogits(fn, f, tf.tensor4d(batch, [count, height, width, channels]))),
  );
  const numClasses = probabilities.shape[1] as number;
  const values = await probabilities.data();
  probabilities.dispose();
  row = 0;
  return populations.map((population, k) => {
    const fitness = new Float64Array(population.length);
    const fooled: boolean[] = [];
    const target = wanted[k] as number;
    for (let i = 0; i < population.length; i++, row++) {
      const probs = values.subarray(row * numClasses, (row + 1) * numClasses);
      let top = 0;
      for (let c = 1; c < numClasses; c++) if ((probs[c] as number) > (probs[top] as number)) top = c;
      fitness[i] = targeted ? -(probs[target] as number) : (probs[target] as number);
      fooled.push(targeted ? top === target : top !== target);
    }
    return { fitness, fooled };
  });
}
