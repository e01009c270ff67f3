import { stackRows } from './stack-rows.js';
import { disposeTensorsIn } from './tensor-structure.js';

/**
 * Groups `size` consecutive rows into one batch (see {@link stackRows}: every tensor gains a
 * leading batch axis) and disposes the rows. The last batch holds the rows left over (fewer than
 * `size`) unless `dropRemainder`. Rows collected when the consumer stops early are disposed.
 *
 * @example for await (const { x, y } of batchElements(rows, 32, false)) ...
 * In plain words: pile the examples into handfuls of `size`.
 */
export async function* batchElements<T>(
  source: AsyncIterable<T>,
  size: number,
  dropRemainder: boolean,
): AsyncGenerator<T> {
  let rows: T[] = [];
  const take = (): T => {
    const batch = stackRows('Dataset.batch', rows) as T;
    for (const row of rows) disposeTensorsIn(row);
    rows = [];
    return batch;
  };
  try {
    for await (const row of source) {
      rows.push(row);
      if (rows.length === size) yield take();
    }
    if (rows.length > 0 && !dropRemainder) yield take();
  } finally {
    for (const row of rows) disposeTensorsIn(row);
  }
}
