import { ArgumentError } from '../errors/argument-error.js';
import { Dataset } from './dataset.js';
import { describeValue } from './tensor-structure.js';

/** What `fromGenerator` takes: a function returning a (sync or async) generator, iterator or iterable. */
export type ElementSource<T> = () => Iterator<T> | AsyncIterator<T> | Iterable<T> | AsyncIterable<T>;

/**
 * A Dataset whose elements come from `make`, a generator function (sync or `async function*`),
 * called anew for every iteration, so each epoch of `fit` starts the generator again. It may yield
 * rows (then `batch` them) or `{ x, y }` batches; what it yields must be new tensors, owned from then
 * on by the consumer (yield `tf.clone(t)` for a tensor you keep). Use it to synthesise, augment, or
 * read from disk a corpus larger than memory: only the elements in flight exist at any time.
 *
 * @example
 * const batches = fromGenerator(function* () {
 *   for (let i = 0; i < 200; i++) {
 *     const x = tf.randomNormal([64, 8]);
 *     yield { x, y: tf.sum(x, 1, true) };
 *   }
 * });
 * await fit(model, batches, { loss: meanSquaredError, epochs: 3 });
 *
 * In plain words: examples made on demand by your own function, started afresh every epoch.
 */
export function fromGenerator<T>(make: ElementSource<T>): Dataset<T> {
  if (typeof make !== 'function')
    throw new ArgumentError('fromGenerator', `expected a generator function, got ${describeValue(make)}`);
  async function* open(): AsyncGenerator<T> {
    const made: unknown = make();
    if (made !== null && typeof made === 'object' && (Symbol.asyncIterator in made || Symbol.iterator in made)) {
      yield* made as AsyncIterable<T> | Iterable<T>;
      return;
    }
    if (made !== null && typeof made === 'object' && typeof (made as Iterator<T>).next === 'function') {
      yield* { [Symbol.asyncIterator]: () => made as AsyncIterator<T> };
      return;
    }
    throw new ArgumentError(
      'fromGenerator',
      `expected the generator function to return a generator, an iterator or an iterable, got ${describeValue(made)}`,
    );
  }
  return new Dataset(open);
}
