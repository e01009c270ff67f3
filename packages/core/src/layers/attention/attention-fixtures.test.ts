import * as tf from '@tensorflow/tfjs-core';
import { loadTorchFixture, torchFixtureNames } from '@baihua/test-fixtures';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../../testing.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';

// Keras Attention / AdditiveAttention computed by PyTorch in float64 (sequenceModels.attention_dot*,
// additive*: both masks, key given or not, scale or not, causal). Tolerance: the fixture README's,
// max |a - e| <= 1e-5 + 1e-4 max |e| per tensor.
const cases = torchFixtureNames('sequenceModels').filter((name) => name !== 'embedding_mask_bilstm');

describeEachBackend('Attention and AdditiveAttention against PyTorch', () => {
  test('the fixture has every variant: both kinds, with and without key, scale, masks, causal', () => {
    expect(cases).toHaveLength(8);
  });

  for (const name of cases) {
    test(`${name}: output, scores and the gradients of query, value, key and scale`, async () => {
      const fixture = loadTorchFixture('sequenceModels', name);
      const useScale = fixture.get('useScale') as boolean;
      const causal = fixture.get('causal') as boolean;
      const Kind = name.startsWith('additive') ? AdditiveAttention : Attention;
      const layer = new Kind({ useScale, causal, returnScores: true, seed: 1 });
      const has = (key: string) => fixture.keys.includes(key);
      const inputNames = ['query', 'value', ...(has('key') ? ['key'] : [])];
      const inputs = inputNames.map((key) => fixture.tensor(key));
      const maskOf = (key: string) => (has(key) ? tf.cast(fixture.tensor(key), 'bool') : undefined);
      const mask = [maskOf('queryMask'), maskOf('valueMask'), ...(has('key') ? [undefined] : [])];
      const dy = fixture.tensor('dy');
      const dyScores = fixture.tensor('dyScores');
      const owned: tf.TensorContainer[] = [inputs, mask as tf.Tensor[], dy, dyScores];
      try {
        tf.dispose(layer.applyMulti(inputs, { mask })); // builds the layer, then its scale takes the fixture's
        const scale = useScale ? layer.weight('scale') : undefined;
        if (scale) {
          const value = fixture.tensor('scale');
          scale.assign(value);
          value.dispose();
        }
        const [output, scores] = layer.applyMulti(inputs, { mask }) as [tf.Tensor, tf.Tensor];
        owned.push(output, scores);
        await expectTensorsClose(output, fixture.spec('out'));
        await expectTensorsClose(scores, fixture.spec('scores'));
        const names = [...inputNames, ...(scale ? ['scale'] : [])];
        const sources = [...inputs, ...(scale ? [scale.read()] : [])];
        for (const withScores of [false, true]) {
          const loss = (...xs: tf.Tensor[]) => {
            const [y, s] = layer.applyMulti(xs.slice(0, inputs.length), { mask }) as [tf.Tensor, tf.Tensor];
            const main = tf.sum(tf.mul(y, dy));
            return withScores ? tf.add(main, tf.sum(tf.mul(s, dyScores))) : main;
          };
          const gradients = tf.grads(loss)(sources);
          owned.push(gradients);
          for (const [k, key] of names.entries()) {
            const expected = fixture.spec(`d${key}${withScores ? 'WithScores' : ''}`);
            await expectTensorsClose(gradients[k] as tf.Tensor, expected).catch((error: Error) => {
              throw new Error(`d${key}${withScores ? 'WithScores' : ''}: ${error.message}`);
            });
          }
        }
      } finally {
        tf.dispose(owned);
        layer.dispose();
      }
    });
  }
});
