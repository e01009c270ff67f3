// Converts the `mnist` package's 10,000 digits once, at build time, into the compact file the
// Digits page fetches: gzip of [labels: uint8 x N][pixels: uint8 x N x 784], in the seeded order
// of @baihua/example-mnist-data (createRandom(2026) over the (digit, index) pairs), so the page's
// first digits are the Node examples' training digits and its last ones their held-out digits.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { createRandom } from '@baihua/core';

/** Digits in the file, and pixels per digit (28 x 28). */
export const mnistAssetShape = { count: 10_000, pixels: 784 } as const;

interface MnistDigit {
  length: number;
  get(which: number): number[];
}

/**
 * The gzip-compressed digit file (about 1.6 MB; 7.85 MB unpacked): labels (uint8 x 10,000), then
 * pixels (uint8 x 10,000 x 784, round(255 * value)), digits in the seeded order of `seed`.
 * @example writeFileSync('mnist-digits.gz.bin', mnistAsset());
 * In plain words: the 10,000 digits packed small, once, when the site is built.
 */
export function mnistAsset(seed = 2026): Uint8Array {
  const mnist = createRequire(import.meta.url)('mnist') as MnistDigit[];
  const pairs: [number, number][] = [];
  for (let d = 0; d < 10; d++) {
    const digit = mnist[d] as MnistDigit;
    for (let i = 0; i < digit.length; i++) pairs.push([d, i]);
  }
  if (pairs.length !== mnistAssetShape.count)
    throw new Error(`mnistAsset: expected ${mnistAssetShape.count} digits in the mnist package, got ${pairs.length}`);
  createRandom(seed).shuffle(pairs);
  const { count, pixels } = mnistAssetShape;
  const bytes = new Uint8Array(count * (1 + pixels));
  pairs.forEach(([d, i], k) => {
    bytes[k] = d;
    const image = (mnist[d] as MnistDigit).get(i);
    for (let p = 0; p < pixels; p++) bytes[count + k * pixels + p] = Math.round(255 * (image[p] as number));
  });
  return gzipSync(bytes, { level: 9 });
}
