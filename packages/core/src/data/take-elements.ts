/**
 * The first `count` elements of `source`; the source is then closed (its buffers freed) without
 * being read further.
 *
 * @example for await (const batch of takeElements(batches, 10)) ...
 * In plain words: only the first few.
 */
export async function* takeElements<T>(source: AsyncIterable<T>, count: number): AsyncGenerator<T> {
  if (count === 0) return;
  let taken = 0;
  for await (const element of source) {
    taken++;
    yield element;
    if (taken >= count) return;
  }
}
