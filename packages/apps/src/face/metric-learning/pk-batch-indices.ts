import { ArgumentError, assertKnownOptions, assertPositiveInteger, createRandom } from '@baihua/core';

/** Options of {@link pkBatchIndices}. */
export interface PkBatchOptions {
  /** P: identities per batch, drawn without repetition within a batch. */
  identitiesPerBatch: number;
  /** K: rows per identity in a batch (>= 2, so every row has a positive). */
  samplesPerIdentity: number;
  /** Seed of the draws. Default 0. */
  seed?: number;
}

/** The rows of each identity, in label order of first appearance. */
export function rowsByIdentity(fn: string, labels: ArrayLike<number>): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    if (!Number.isInteger(label))
      throw new ArgumentError(fn, `expected labels to be integers, got ${String(label)} at row ${i}`);
    const list = rows.get(label);
    if (list) list.push(i);
    else rows.set(label, [i]);
  }
  return rows;
}

/**
 * A P x K batch sampler for metric learning (Hermans et al. 2017): each call returns P*K row
 * indices, K rows of each of P distinct identities (identity p's rows at [p*K, (p+1)*K)). The
 * identities are taken from a shuffled order, a fresh one after every pass over all identities
 * (so successive calls cover every identity before repeating); each identity's K rows are a
 * random K of its rows, without repetition.
 *
 * labels: [N] integer identity per row. Out: `() => Int32Array` of length P*K. Defaults: seed 0.
 * Errors: P larger than the number of identities, K < 2, and identities with fewer than K rows
 * (named).
 *
 * In plain words: each mini-batch holds a few people with several photos each, so every photo has
 * both a look-alike of the same person and strangers to be compared with.
 *
 * @example
 * const next = pkBatchIndices([0, 0, 1, 1, 2, 2], { identitiesPerBatch: 2, samplesPerIdentity: 2, seed: 1 });
 * next(); // e.g. Int32Array [4, 5, 1, 0]
 */
export function pkBatchIndices(labels: ArrayLike<number>, options: PkBatchOptions): () => Int32Array {
  return pkSampler('pkBatchIndices', labels, options);
}

/** {@link pkBatchIndices} with errors naming `fn` (trainEmbedding's own checks). */
export function pkSampler(fn: string, labels: ArrayLike<number>, options: PkBatchOptions): () => Int32Array {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number')
    throw new ArgumentError(fn, `expected labels to be an array of integers, got ${typeof labels}`);
  assertKnownOptions(fn, 'options', options, ['identitiesPerBatch', 'samplesPerIdentity', 'seed']);
  const { identitiesPerBatch: p, samplesPerIdentity: k, seed = 0 } = options;
  assertPositiveInteger(fn, 'identitiesPerBatch', p);
  assertPositiveInteger(fn, 'samplesPerIdentity', k);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${String(seed)}`);
  if (k < 2) throw new ArgumentError(fn, `expected samplesPerIdentity >= 2 (a positive per row), got ${k}`);
  const byIdentity = rowsByIdentity(fn, labels);
  if (p > byIdentity.size)
    throw new ArgumentError(
      fn,
      `expected identitiesPerBatch <= the number of identities (${byIdentity.size}), got ${p} ` +
        `(P*K = ${p * k} rows, labels has ${labels.length})`,
    );
  const short = [...byIdentity].filter(([, rows]) => rows.length < k);
  if (short.length > 0) {
    const named = short.slice(0, 10).map(([label, rows]) => `${label} (${rows.length})`);
    throw new ArgumentError(
      fn,
      `expected at least samplesPerIdentity = ${k} rows per identity, got fewer for ${short.length} ` +
        `identities: ${named.join(', ')}${short.length > 10 ? ', ...' : ''}`,
    );
  }
  const random = createRandom(seed);
  const identities = [...byIdentity.keys()];
  let order: number[] = [];
  return () => {
    const batch = new Int32Array(p * k);
    const chosen = new Set<number>();
    for (let slot = 0; slot < p; slot++) {
      if (order.length === 0) order = random.shuffle([...identities]).filter((id) => !chosen.has(id));
      const identity = order.pop() as number;
      chosen.add(identity);
      const rows = random.shuffle([...(byIdentity.get(identity) as number[])]);
      for (let j = 0; j < k; j++) batch[slot * k + j] = rows[j] as number;
    }
    return batch;
  };
}
