import * as tf from '@tensorflow/tfjs-core';
import type { SeededRandom } from '@baihua/core';
import { checkedLogits, sliceRows } from './classifier.js';

/**
 * Monte-Carlo class counts under Gaussian noise, one row per image: counts[i][c] = #{ j <= samples :
 * argmax f(x_i + sigma eps_j) = c }, eps_j ~ N(0, I) drawn from `random` (seeded, the same on every
 * backend). The noise is not clipped (Cohen et al.). Forwards of at most `batchSize` noisy copies.
 */
export async function noisyCounts(
  fn: string,
  f: (images: tf.Tensor) => tf.Tensor,
  images: tf.Tensor,
  samples: number,
  sigma: number,
  batchSize: number,
  random: SeededRandom,
  onProgress?: (done: number, total: number) => void,
): Promise<number[][]> {
  const rows = images.shape[0] as number;
  const imageShape = images.shape.slice(1);
  const size = imageShape.reduce((a, b) => a * b, 1);
  const counts: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let done = 0; done < samples; ) {
      const b = Math.min(batchSize, samples - done);
      const noise = new Float32Array(b * size);
      for (let k = 0; k < noise.length; k++) noise[k] = sigma * random.normal();
      const classes = tf.tidy(() => {
        const copies = tf.add(sliceRows(images, i, 1), tf.tensor(noise, [b, ...imageShape]));
        return tf.argMax(checkedLogits(fn, f, copies), 1);
      });
      const values = await classes.data();
      classes.dispose();
      for (const c of values) row[c] = (row[c] ?? 0) + 1;
      done += b;
    }
    counts.push(Array.from(row, (c) => c ?? 0));
    onProgress?.(i + 1, rows);
  }
  return counts;
}

/** The index of the largest count and of the runner-up (ties: the smaller index). */
export function topTwo(counts: number[]): [number, number] {
  let first = 0;
  let second = -1;
  counts.forEach((count, c) => {
    if (c === 0) return;
    if (count > (counts[first] as number)) {
      second = first;
      first = c;
    } else if (second < 0 || count > (counts[second] as number)) second = c;
  });
  return [first, second];
}
