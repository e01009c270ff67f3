import type { SeededRandom } from '../random/seeded-random.js';
import { disposeTensorsIn } from './tensor-structure.js';

/**
 * A buffer shuffle, as tf.data's: fill a buffer with the first `bufferSize` elements, then
 * repeatedly yield a uniformly chosen element of the buffer and put the next element of the source
 * in its place; when the source ends, yield what is left in random order. A buffer as large as the
 * data gives a uniform shuffle; a smaller one only mixes nearby elements (and holds fewer in memory).
 * Elements still in the buffer when the consumer stops early are disposed.
 *
 * @example for await (const row of shuffleElements(rows, 1000, createRandom(0))) ...
 * In plain words: keep a bucket of examples and always draw the next one from it at random.
 */
export async function* shuffleElements<T>(
  source: AsyncIterable<T>,
  bufferSize: number,
  random: SeededRandom,
): AsyncGenerator<T> {
  const buffer: T[] = [];
  try {
    for await (const element of source) {
      if (buffer.length < bufferSize) {
        buffer.push(element);
        continue;
      }
      const i = random.integer(bufferSize);
      const chosen = buffer[i] as T;
      buffer[i] = element;
      yield chosen;
    }
    while (buffer.length > 0) {
      const i = random.integer(buffer.length);
      const chosen = buffer[i] as T;
      buffer[i] = buffer[buffer.length - 1] as T;
      buffer.pop();
      yield chosen;
    }
  } finally {
    for (const element of buffer) disposeTensorsIn(element);
  }
}
