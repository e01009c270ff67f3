import { disposeTensorsIn } from './tensor-structure.js';

/**
 * The elements of `source`, reading `count` elements ahead of the one being consumed: while the
 * consumer works on element i (a training step), the source already makes elements i+1 .. i+count
 * (a disk read, a decode). Order is unchanged. Elements read ahead when the consumer stops early are
 * disposed. The source's iterator must accept `next()` before the previous call settled (async
 * generators, and every Dataset, queue such calls).
 *
 * @example for await (const batch of prefetchElements(batches, 2)) ...
 * In plain words: have the next few handfuls ready before they are asked for.
 */
export async function* prefetchElements<T>(source: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const ahead: Promise<IteratorResult<T>>[] = [];
  try {
    for (;;) {
      while (ahead.length <= count) {
        const read = iterator.next();
        read.catch(() => undefined); // awaited in order below; this only marks a failure as seen
        ahead.push(read);
      }
      const result = await (ahead.shift() as Promise<IteratorResult<T>>);
      if (result.done) return;
      yield result.value;
    }
  } finally {
    for (const read of ahead.splice(0)) {
      const result = await read.catch(() => undefined);
      if (result && !result.done) disposeTensorsIn(result.value);
    }
    await iterator.return?.();
  }
}
