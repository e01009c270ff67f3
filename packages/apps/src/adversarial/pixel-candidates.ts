import type { SeededRandom } from '@baihua/core';
import type { PixelBounds } from './attack-checks.js';

/** An image [H, W, C] as flat channels-last values, with its size. */
export interface FlatImage {
  values: Float32Array;
  height: number;
  width: number;
  channels: number;
}

/**
 * The initial population of the one-pixel attack (Su, Vargas and Sakurai): each candidate lists
 * `pixels` tuples (x, y, value per channel); x ~ U(0, W), y ~ U(0, H) and each value
 * ~ N(middle, (high - low) / 2) (the paper's N(128, 127) on [0, 255]). Returns populationSize
 * candidates of length pixels * (2 + C).
 */
export function initialPopulation(
  image: FlatImage,
  pixels: number,
  populationSize: number,
  bounds: PixelBounds,
  random: SeededRandom,
): Float64Array[] {
  const middle = (bounds[0] + bounds[1]) / 2;
  const spread = (bounds[1] - bounds[0]) / 2;
  const population: Float64Array[] = [];
  for (let i = 0; i < populationSize; i++) {
    const candidate = new Float64Array(pixels * (2 + image.channels));
    for (let p = 0, at = 0; p < pixels; p++) {
      candidate[at++] = random.next() * image.width;
      candidate[at++] = random.next() * image.height;
      for (let c = 0; c < image.channels; c++) candidate[at++] = middle + spread * random.normal();
    }
    population.push(candidate);
  }
  return population;
}

/**
 * The paper's mutation, with no crossover: child_i = x_r1 + F (x_r2 - x_r3), with r1, r2, r3
 * distinct random indices, all different from i (so a population needs at least 4 members).
 */
export function mutate(population: Float64Array[], scale: number, random: SeededRandom): Float64Array[] {
  const size = population.length;
  return population.map((_, i) => {
    const picked: number[] = [];
    while (picked.length < 3) {
      const r = random.integer(size);
      if (r !== i && !picked.includes(r)) picked.push(r);
    }
    const [a, b, c] = picked.map((r) => population[r] as Float64Array) as [Float64Array, Float64Array, Float64Array];
    return a.map((value, k) => value + scale * ((b[k] as number) - (c[k] as number)));
  });
}

/**
 * Writes the image with a candidate's pixels changed into `out` at `offset`: coordinates are
 * floored and wrapped into the image (so a mutated coordinate stays a pixel), values clipped into
 * the bounds. At most `pixels` pixels differ from the original.
 */
export function paintCandidate(
  image: FlatImage,
  candidate: Float64Array,
  bounds: PixelBounds,
  out: Float32Array,
  offset: number,
): void {
  const { values, width, height, channels } = image;
  out.set(values, offset);
  for (let at = 0; at < candidate.length; ) {
    const x = wrap(Math.floor(candidate[at++] as number), width);
    const y = wrap(Math.floor(candidate[at++] as number), height);
    for (let c = 0; c < channels; c++) {
      const value = Math.min(bounds[1], Math.max(bounds[0], candidate[at++] as number));
      out[offset + (y * width + x) * channels + c] = value;
    }
  }
}

function wrap(index: number, size: number): number {
  return ((index % size) + size) % size;
}
