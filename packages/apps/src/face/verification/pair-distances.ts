import { ArgumentError, assertRank, assertTensor } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

const fn = 'pairDistances';

/**
 * Euclidean distances ||e[first[i]] - e[second[i]]|| of row pairs of `embeddings` [N, D] (N, D >= 1;
 * float32 or int32), computed on the backend: one gather of the 2P rows, then a difference, square,
 * sum over D and square root. `pairs.first` and `pairs.second` hold P >= 1 row indices in [0, N)
 * each (e.g. from {@link verificationPairs}). Returns P distances as a Float32Array; no tensor is
 * left behind.
 *
 * @example
 * const pairs = verificationPairs(labels);
 * const distances = await pairDistances(embeddings, pairs); // Float32Array(P)
 *
 * In plain words: how far apart the two faces of each pair are.
 */
export async function pairDistances(
  embeddings: tf.Tensor2D,
  pairs: { first: ArrayLike<number>; second: ArrayLike<number> },
): Promise<Float32Array> {
  assertTensor(fn, 'embeddings', embeddings);
  assertRank(fn, 'embeddings', embeddings, 2);
  const [rows, width] = embeddings.shape;
  if (rows === 0 || width === 0)
    throw new ArgumentError(fn, `expected embeddings with rows and columns, got shape [${rows},${width}]`);
  if (embeddings.dtype !== 'float32' && embeddings.dtype !== 'int32')
    throw new ArgumentError(fn, `expected embeddings of dtype float32 or int32, got ${embeddings.dtype}`);
  const first = pairs?.first;
  const second = pairs?.second;
  if (first?.length === undefined || second?.length === undefined)
    throw new ArgumentError(fn, 'expected pairs to be { first, second } arrays of row indices');
  if (first.length !== second.length || first.length === 0)
    throw new ArgumentError(
      fn,
      `expected pairs.first and pairs.second of one non-zero length, got ${first.length} and ${second.length}`,
    );
  const count = first.length;
  const indices = new Int32Array(2 * count);
  for (const [name, side, offset] of [
    ['first', first, 0],
    ['second', second, count],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const row = side[i] as number;
      if (!Number.isInteger(row) || row < 0 || row >= rows)
        throw new ArgumentError(fn, `expected pairs.${name} to hold row indices in [0, ${rows}), got ${row} at ${i}`);
      indices[offset + i] = row;
    }
  }
  const distances = tf.tidy(() => {
    const gathered = tf.cast(tf.gather(embeddings, tf.tensor1d(indices, 'int32')), 'float32');
    const a = tf.slice(gathered, [0, 0], [count, width]);
    const b = tf.slice(gathered, [count, 0], [count, width]);
    return tf.sqrt(tf.sum(tf.square(tf.sub(a, b)), 1));
  });
  try {
    return new Float32Array(await distances.data());
  } finally {
    distances.dispose();
  }
}
