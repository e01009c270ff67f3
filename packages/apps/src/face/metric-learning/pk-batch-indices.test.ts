import { expect, test } from 'vitest';
import { pkBatchIndices } from './pk-batch-indices.js';

// 5 identities, unequal counts, rows interleaved (labels need not be sorted).
const labels = [3, 1, 3, 0, 1, 2, 3, 0, 2, 1, 4, 4, 0, 3];

test('each batch: P distinct identities, K rows of each, contiguous per identity, rows without repeats', () => {
  const next = pkBatchIndices(labels, { identitiesPerBatch: 3, samplesPerIdentity: 2, seed: 5 });
  for (let call = 0; call < 20; call++) {
    const batch = next();
    expect(batch).toHaveLength(6);
    expect(new Set(batch).size).toBe(6);
    const identities = [0, 1, 2].map((p) => {
      const [a, b] = [labels[batch[2 * p] as number], labels[batch[2 * p + 1] as number]];
      expect(a).toBe(b);
      return a;
    });
    expect(new Set(identities).size).toBe(3);
  }
});

test('deterministic for a seed, different for another; every identity within ceil(5 / P) calls', () => {
  const draw = (seed: number) => {
    const next = pkBatchIndices(labels, { identitiesPerBatch: 2, samplesPerIdentity: 2, seed });
    return Array.from({ length: 6 }, () => Array.from(next()));
  };
  expect(draw(7)).toEqual(draw(7));
  expect(draw(7)).not.toEqual(draw(8));
  for (const seed of [0, 1, 2, 3]) {
    const calls = draw(seed).slice(0, 3);
    const seen = new Set(calls.flat().map((row) => labels[row]));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  }
});

test('rows of an identity with more than K rows all get drawn over calls', () => {
  const next = pkBatchIndices(labels, { identitiesPerBatch: 5, samplesPerIdentity: 2, seed: 1 });
  const seen = new Set<number>();
  for (let call = 0; call < 30; call++) for (const row of next()) seen.add(row);
  expect(seen.size).toBe(labels.length);
});

test('errors name the function, the argument and the identities short of K rows', () => {
  const k3 = { identitiesPerBatch: 2, samplesPerIdentity: 3 };
  expect(() => pkBatchIndices(labels, k3)).toThrow(
    'pkBatchIndices: expected at least samplesPerIdentity = 3 rows per identity, got fewer for 2 identities: ' +
      '2 (2), 4 (2)',
  );
  expect(() => pkBatchIndices(labels, { identitiesPerBatch: 6, samplesPerIdentity: 2 })).toThrow(
    'pkBatchIndices: expected identitiesPerBatch <= the number of identities (5), got 6',
  );
  expect(() => pkBatchIndices(labels, { identitiesPerBatch: 2, samplesPerIdentity: 1 })).toThrow(
    'pkBatchIndices: expected samplesPerIdentity >= 2',
  );
  expect(() => pkBatchIndices([0, 0, 1.5, 1], { identitiesPerBatch: 2, samplesPerIdentity: 2 })).toThrow(
    'pkBatchIndices: expected labels to be integers, got 1.5 at row 2',
  );
  expect(() => pkBatchIndices(labels, { identitiesPerBatch: 2, samplesPerIdentity: 2, seeds: 1 } as never)).toThrow(
    "pkBatchIndices: unknown key 'seeds'",
  );
  expect(() => pkBatchIndices(labels, { identitiesPerBatch: 0, samplesPerIdentity: 2 })).toThrow(
    'pkBatchIndices: expected identitiesPerBatch',
  );
});
