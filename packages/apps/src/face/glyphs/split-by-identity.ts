import {
  ArgumentError,
  assertFiniteNumber,
  assertKnownOptions,
  assertPositiveInteger,
  createRandom,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import type { GlyphSet } from './glyph-set.js';

/** Options of {@link splitByIdentity}. */
export interface SplitByIdentityOptions {
  /** Identities moved to the test part, 1 <= testIdentities < the set's identities. */
  testIdentities: number;
  /** Seed of the choice of test identities; default 0. */
  seed?: number;
}

const name = 'splitByIdentity';

/** One part: the rows of `identities` (in label order) gathered on the backend, labels renumbered 0... */
function part(set: GlyphSet, identities: number[], perIdentity: number): GlyphSet {
  const rows = identities.flatMap((identity) =>
    Array.from({ length: perIdentity }, (_, j) => identity * perIdentity + j),
  );
  const images = tf.tidy(() => tf.gather(set.images, tf.tensor1d(rows, 'int32')));
  const labels = tf.tensor1d(
    rows.map((_, row) => Math.floor(row / perIdentity)),
    'int32',
  );
  return {
    images,
    labels,
    characters: identities.map((identity) => set.characters[identity] as string),
    fontOfRow: rows.map((row) => set.fontOfRow[row] as string),
    dispose: () => tf.dispose([images, labels]),
  };
}

/**
 * Splits an identity set by identity, so no test identity is ever seen in training: `testIdentities`
 * identities drawn by `seed` go to `test`, the rest to `train`; each part keeps its identities in
 * label order, labels renumbered 0.. within it, K consecutive rows each. New tensors: the caller
 * disposes both parts and, separately, the input set.
 *
 * @example
 * const { train, test } = splitByIdentity(set, { testIdentities: 100, seed: 1 });
 *
 * In plain words: keep some characters back, so the test asks about strangers.
 */
export function splitByIdentity(set: GlyphSet, options: SplitByIdentityOptions): { train: GlyphSet; test: GlyphSet } {
  assertKnownOptions(name, 'options', options, ['testIdentities', 'seed']);
  const { testIdentities, seed = 0 } = options ?? ({} as Partial<SplitByIdentityOptions>);
  assertPositiveInteger(name, 'options.testIdentities', testIdentities);
  assertFiniteNumber(name, 'options.seed', seed);
  const identities = set.characters.length;
  const rows = set.fontOfRow.length;
  if (set.images.rank !== 4 || set.images.shape[0] !== rows || rows % identities !== 0)
    throw new ArgumentError(
      name,
      `expected set with K rows per identity, got ${rows} rows for ${identities} identities`,
    );
  if (testIdentities >= identities)
    throw new ArgumentError(
      name,
      `expected options.testIdentities < ${identities} (the set's identities), got ${testIdentities}`,
    );
  const order = createRandom(seed).shuffle(Array.from({ length: identities }, (_, i) => i));
  const test = order.slice(0, testIdentities).sort((a, b) => a - b);
  const train = order.slice(testIdentities).sort((a, b) => a - b);
  const perIdentity = rows / identities;
  const trainPart = part(set, train, perIdentity);
  return { train: trainPart, test: part(set, test, perIdentity) };
}
