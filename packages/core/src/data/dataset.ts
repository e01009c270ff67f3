import { assertKnownOptions } from '../checks/option-keys.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { createRandom } from '../random/seeded-random.js';
import { batchElements } from './batch-elements.js';
import { mapElements } from './map-elements.js';
import { prefetchElements } from './prefetch-elements.js';
import { shuffleElements } from './shuffle-elements.js';
import { takeElements } from './take-elements.js';

/** Options of {@link Dataset.batch}. */
export interface BatchOptions {
  /** Drop the last batch when it has fewer than `size` rows. Default false (keep it). */
  dropRemainder?: boolean;
}

/** Options of {@link Dataset.shuffle}. */
export interface ShuffleOptions {
  /** A new order every time the dataset is iterated (every epoch). Default true, as tf.data. */
  reshuffleEachIteration?: boolean;
}

/**
 * A lazy, re-iterable stream of elements (rows or `{ x, y }` batches), as tf.data's Dataset: nothing
 * is read until it is iterated with `for await`, and every iteration (every epoch of `fit`) starts
 * again from the source. Build one with `fromTensors` or `fromGenerator`, then chain `map`,
 * `shuffle`, `batch`, `prefetch`, `take`; each returns a new Dataset.
 *
 * Who owns what: every element a Dataset yields is new and belongs to whoever iterates it. `fit`
 * and `evaluate` dispose each batch after its step; in your own `for await` loop, dispose each
 * element when done (`tf.dispose(batch)`). Inside the chain each stage frees what it consumed:
 * `map` the input tensors its output does not hold, `batch` the rows it stacked, and `shuffle`,
 * `prefetch` and `take` what they hold when iteration stops early. The tensors given to
 * `fromTensors` stay the caller's (keep them alive while the dataset is used).
 *
 * @example
 * const train = fromTensors({ x: images, y: labels }).shuffle(1000, 7).batch(64).prefetch(2);
 * await fit(model, train, { loss: softmaxCrossEntropy, epochs: 5 });
 *
 * In plain words: a conveyor belt of examples that only runs while someone takes from it.
 */
export class Dataset<T> implements AsyncIterable<T> {
  /** @param open makes a fresh iterator over the elements, called once per iteration. */
  constructor(private readonly open: () => AsyncIterator<T>) {
    if (typeof open !== 'function')
      throw new ArgumentError(
        'Dataset',
        `expected open to be a function returning an async iterator, got ${typeof open}`,
      );
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.open();
  }

  /**
   * Each element through `transform` (synchronous, run in tf.tidy; tensors of the input element
   * not in the output are disposed).
   * @example fromTensors({ x, y }).map(({ x, y }) => ({ x: tf.div(x, 255), y }));
   */
  map<U>(transform: (element: T) => U): Dataset<U> {
    if (typeof transform !== 'function')
      throw new ArgumentError('Dataset.map', `expected transform to be a function, got ${typeof transform}`);
    return new Dataset(() => mapElements(this, transform));
  }

  /**
   * Buffer shuffle (tf.data's): draws each element at random from a buffer of `bufferSize`
   * elements. Deterministic for a seed: two datasets built alike give the same orders; with
   * `reshuffleEachIteration` (default) each iteration takes the next seed of a sequence started
   * by `seed`, so every epoch has its own order. Default seed 0.
   * @example fromTensors({ x, y }).shuffle(10_000, 42).batch(32);
   */
  shuffle(bufferSize: number, seed = 0, options: ShuffleOptions = {}): Dataset<T> {
    assertPositiveInteger('Dataset.shuffle', 'bufferSize', bufferSize);
    if (!Number.isInteger(seed))
      throw new ArgumentError('Dataset.shuffle', `expected seed to be an integer, got ${String(seed)}`);
    assertKnownOptions('Dataset.shuffle', 'options', options, ['reshuffleEachIteration']);
    const { reshuffleEachIteration = true } = options;
    const seeds = createRandom(seed);
    return new Dataset(() => {
      const iterationSeed = reshuffleEachIteration ? seeds.integer(2 ** 32) : seed;
      return shuffleElements(this, bufferSize, createRandom(iterationSeed));
    });
  }

  /**
   * Stacks `size` consecutive rows into a batch (each tensor gains a leading axis of the batch
   * size); the last batch may be smaller unless `dropRemainder`.
   * @example fromTensors({ x, y }).batch(32, { dropRemainder: true });
   */
  batch(size: number, options: BatchOptions = {}): Dataset<T> {
    assertPositiveInteger('Dataset.batch', 'size', size);
    assertKnownOptions('Dataset.batch', 'options', options, ['dropRemainder']);
    const { dropRemainder = false } = options;
    if (typeof dropRemainder !== 'boolean')
      throw new ArgumentError(
        'Dataset.batch',
        `expected dropRemainder to be true or false, got ${String(dropRemainder)}`,
      );
    return new Dataset(() => batchElements(this, size, dropRemainder));
  }

  /**
   * Reads `count` elements ahead of the consumer (overlaps a slow source with training).
   * @example fromGenerator(readShards).batch(64).prefetch(2);
   */
  prefetch(count: number): Dataset<T> {
    assertPositiveInteger('Dataset.prefetch', 'count', count);
    return new Dataset(() => prefetchElements(this, count));
  }

  /**
   * Only the first `count` elements (0 gives an empty dataset).
   * @example fromGenerator(endless).take(100);
   */
  take(count: number): Dataset<T> {
    if (!Number.isInteger(count) || count < 0)
      throw new ArgumentError('Dataset.take', `expected count to be an integer >= 0, got ${String(count)}`);
    return new Dataset(() => takeElements(this, count));
  }

  /**
   * Reads every element into an array (the caller owns and disposes them).
   * @example const batches = await fromTensors({ x, y }).batch(2).toArray();
   */
  async toArray(): Promise<T[]> {
    const elements: T[] = [];
    for await (const element of this) elements.push(element);
    return elements;
  }
}
