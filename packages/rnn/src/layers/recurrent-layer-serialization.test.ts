import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential, deserializeModel, layerFromConfig, serializeModel } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLSTM } from './coupled-lstm.js';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';
import { PeepholeLSTM } from './peephole-lstm.js';
import './register-recurrent-layers.js';
import { SimpleRNN } from './simple-rnn.js';

describeEachBackend('recurrent layers: type names, weight paths, recurrentActivation saved and loaded', () => {
  test("type names are the class names; automatic names are Keras' snake case; weight paths use them", () => {
    const x = tf.ones([1, 2, 3]);
    const cases = [
      [new SimpleRNN({ units: 2 }), 'SimpleRNN', 'simple_rnn'],
      [new LSTM({ units: 2 }), 'LSTM', 'lstm'],
      [new PeepholeLSTM({ units: 2 }), 'PeepholeLSTM', 'peephole_lstm'],
      [new CoupledLSTM({ units: 2 }), 'CoupledLSTM', 'coupled_lstm'],
      [new GRU({ units: 2 }), 'GRU', 'gru'],
    ] as const;
    for (const [layer, type, snake] of cases) {
      expect(layer.getConfig().type).toBe(type);
      expect(layer.name).toMatch(new RegExp(`^${snake}_\\d+$`));
      layer.apply(x).dispose();
      const paths = layer.weights().map((w) => w.path);
      expect(paths.slice(0, 3)).toEqual(['kernel', 'recurrentKernel', 'bias'].map((n) => `${layer.name}/${n}`));
      layer.dispose();
    }
    x.dispose();
  });

  test("recurrentActivation 'hardSigmoid' (not the default) is saved, restored by load, predicts alike", async () => {
    const layers = () => [
      new LSTM({ units: 4, returnSequences: true, recurrentActivation: 'hardSigmoid' }),
      new GRU({ units: 3, recurrentActivation: 'hardSigmoid', resetAfter: false }),
      new Dense({ units: 2 }),
    ];
    const model = new Sequential({ seed: 5, layers: layers() });
    const x = tf.randomNormal([2, 5, 3], 0, 2, 'float32', 4);
    const before = model.apply(x);
    const saved = await serializeModel(model);
    const configs = (saved.topology.model as unknown as { layers: { type: string; recurrentActivation?: string }[] })
      .layers;
    expect(configs.map((c) => [c.type, c.recurrentActivation])).toEqual([
      ['LSTM', 'hardSigmoid'],
      ['GRU', 'hardSigmoid'],
      ['Dense', undefined],
    ]);
    const loaded = await deserializeModel(saved);
    const after = loaded.apply(x);
    // Same seed and weights with the default sigmoid gates: other outputs, so the check can fail.
    const sigmoidModel = new Sequential({
      seed: 5,
      layers: [
        new LSTM({ units: 4, returnSequences: true }),
        new GRU({ units: 3, resetAfter: false }),
        new Dense({ units: 2 }),
      ],
    });
    sigmoidModel.apply(tf.tidy(() => tf.zeros([1, 5, 3]))).dispose();
    sigmoidModel.setWeights(model.weights().map((w) => w.read()));
    const withSigmoid = sigmoidModel.apply(x);
    try {
      await expectTensorsClose(after, before, { rtol: 0, atol: 0 });
      const gap = tf.tidy(() => tf.max(tf.abs(tf.sub(withSigmoid, before))));
      expect((await gap.data())[0]).toBeGreaterThan(1e-3);
      gap.dispose();
    } finally {
      tf.dispose([before, after, withSigmoid, x]);
      model.dispose();
      loaded.dispose();
      sigmoidModel.dispose();
    }
  });

  test('a config with an unknown or misspelt key is refused with the closest key, on load too; no leaks', async () => {
    expect(() => new LSTM({ units: 2, recurentActivation: 'hardSigmoid' } as never)).toThrow(
      /^LSTM: unknown key 'recurentActivation' in options \(did you mean 'recurrentActivation'\? known: .*\)$/,
    );
    expect(() => new SimpleRNN({ units: 2, recurrentActivation: 'sigmoid' } as never)).toThrow(
      /^SimpleRNN: unknown key 'recurrentActivation' in options/,
    );
    expect(() => new GRU({ units: 2, resetafter: false } as never)).toThrow(/did you mean 'resetAfter'\?/);
    expect(() => new PeepholeLSTM({ units: 2, peepholes: 'full' } as never)).toThrow(/did you mean 'peephole'\?/);
    expect(() => new CoupledLSTM({ units: 2, forgetbias: 2 } as never)).toThrow(/did you mean 'forgetBias'\?/);
    expect(() => new GRU({ units: 2, recurrentActivation: 'relu' as never })).toThrow(
      /^GRU: expected recurrentActivation to be one of 'sigmoid', 'hardSigmoid', got "relu"$/,
    );
    expect(() => layerFromConfig({ type: 'GRU', units: 2, unitz: 3 })).toThrow(/unknown key 'unitz'/);
    await expectNoLeakedTensors(() => {
      for (let k = 0; k < 100; k++) expect(() => new LSTM({ units: 2, retrunSequences: true } as never)).toThrow();
      return [];
    });
  });
});
