// The weights each layer kind creates, by name, with their flags and first values: Dense without a
// bias has only its kernel; the kernel and an Embedding's table take part in L2 weight decay, a bias
// does not; a bias starts from biasInitializer; the norms' gamma starts at 1, beta at 0.
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { BatchNorm } from './batch-norm.js';
import { Dense } from './dense.js';
import { Embedding } from './embedding.js';
import { GroupNorm } from './group-norm.js';
import { LayerNorm } from './layer-norm.js';
import type { Layer } from './layer.js';

function flags(layer: Layer): [string, boolean, boolean][] {
  return layer.weights().map((w) => [w.name, w.trainable, w.regularize]);
}

describeEachBackend('layer kinds: the weights they create', () => {
  test('Dense: kernel (decayed), bias (not decayed, from biasInitializer) or none', async () => {
    const withBias = new Dense({ units: 2, biasInitializer: { name: 'constant', value: 0.25 }, seed: 1 });
    const without = new Dense({ units: 2, useBias: false, seed: 1 });
    withBias.ensureBuilt([1, 3]);
    without.ensureBuilt([1, 3]);
    expect(flags(withBias)).toEqual([
      ['kernel', true, true],
      ['bias', true, false],
    ]);
    expect(flags(without)).toEqual([['kernel', true, true]]);
    expect(Array.from(await withBias.weight('bias').read().data())).toEqual([0.25, 0.25]);
    withBias.dispose();
    without.dispose();
  });

  test('Embedding: the table takes part in weight decay', () => {
    const layer = new Embedding({ inputDim: 3, outputDim: 2, seed: 1 });
    layer.ensureBuilt([1, 2]);
    expect(flags(layer)).toEqual([['embeddings', true, true]]);
    layer.dispose();
  });

  test('the norms: gamma 1, beta 0 at the start, neither decayed', async () => {
    for (const layer of [
      new BatchNorm({ seed: 1 }),
      new LayerNorm({ seed: 1 }),
      new GroupNorm({ groups: 1, seed: 1 }),
    ]) {
      layer.ensureBuilt([2, 3]);
      expect(flags(layer).slice(0, 2)).toEqual([
        ['gamma', true, false],
        ['beta', true, false],
      ]);
      expect(Array.from(await layer.weight('gamma').read().data())).toEqual([1, 1, 1]);
      expect(Array.from(await layer.weight('beta').read().data())).toEqual([0, 0, 0]);
      layer.dispose();
    }
  });
});
