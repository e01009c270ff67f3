import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { serializeModel } from '../serialization/index.js';
import { Dense } from './dense.js';
import { Layer, type CallContext, type LayerOptions } from './layer.js';
import { layerFromConfig, registerLayerType } from './layer-registry.js';
import { snakeCaseTypeName, uniqueLayerName } from './layer-naming.js';
import { Sequential } from './sequential.js';

// Keras' to_snake_case (keras/src/utils/naming.py) on the same class names, computed with Python 3.
const kerasNames: [string, string][] = [
  ['Dense', 'dense'],
  ['Conv2D', 'conv2d'],
  ['L2Pool2D', 'l2_pool2d'],
  ['SeparableConv2D', 'separable_conv2d'],
  ['MaxPool2D', 'max_pool2d'],
  ['GlobalAvgPool2D', 'global_avg_pool2d'],
  ['SimpleRNN', 'simple_rnn'],
  ['GRU', 'gru'],
  ['LSTM', 'lstm'],
  ['PeepholeLSTM', 'peephole_lstm'],
  ['CoupledLSTM', 'coupled_lstm'],
  ['BatchNorm', 'batch_norm'],
  ['LayerNorm', 'layer_norm'],
  ['ConvBlock', 'conv_block'],
];

test.each(kerasNames)('snake case of %s is %s, as Keras writes it', (typeName, expected) => {
  expect(snakeCaseTypeName(typeName)).toBe(expected);
});

test('automatic names count per snake-case name, from 1 upwards', () => {
  const first = uniqueLayerName('L2Pool2D');
  const n = Number(first.match(/^l2_pool2d_(\d+)$/)?.[1]);
  expect(n).toBeGreaterThanOrEqual(1);
  expect(uniqueLayerName('L2Pool2D')).toBe(`l2_pool2d_${n + 1}`);
  expect(uniqueLayerName('SeparableConv2D')).toMatch(/^separable_conv2d_\d+$/);
  expect(uniqueLayerName('GRU')).toMatch(/^gru_\d+$/);
  // Not 'conv2_d_1' (the old rule split a digit from a capital).
  expect(uniqueLayerName('Conv2D')).toMatch(/^conv2d_\d+$/);
});

class Conv2D extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'Conv2D', []);
  }
  protected override build(inputShape: number[]): void {
    this.addWeight('kernel', [inputShape.at(-1) as number, 2], { initializer: 'ones' });
  }
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.matMul(x as tf.Tensor2D, this.weight('kernel').read() as tf.Tensor2D);
  }
}

describeEachBackend('automatic layer names', () => {
  test('appear in saved weight paths: conv2d_N/kernel, dense_N/kernel', async () => {
    const model = new Sequential({ layers: [new Conv2D(), new Dense({ units: 1 })] });
    const x = tf.ones([1, 3]);
    model.apply(x).dispose();
    const { topology } = await serializeModel(model);
    expect(topology.weights.map((w) => w.path)).toEqual([
      expect.stringMatching(/^conv2d_\d+\/kernel$/),
      expect.stringMatching(/^dense_\d+\/kernel$/),
      expect.stringMatching(/^dense_\d+\/bias$/),
    ]);
    x.dispose();
    model.dispose();
  });
});

test('registerLayerType refuses a type name that another factory holds', () => {
  const factory = (config: Record<string, unknown>) => new Dense(config as never);
  expect(() => registerLayerType('Dense', factory)).toThrow(
    /registerLayerType: layer type 'Dense' is registered already by another factory; give your layer a type name/,
  );
  // The same factory again (a module evaluated twice, a second installed copy) is fine.
  registerLayerType('NamingTest', factory);
  registerLayerType('NamingTest', factory);
  registerLayerType('NamingTest', (config: Record<string, unknown>) => new Dense(config as never));
  expect(() => registerLayerType('NamingTest', () => new Dense({ units: 2 }))).toThrow(
    /layer type 'NamingTest' is registered already/,
  );
  // The registered Dense still builds Dense layers.
  const dense = layerFromConfig({ type: 'Dense', units: 3, name: 'still_dense' });
  expect(dense).toBeInstanceOf(Dense);
  expect(dense.name).toBe('still_dense');
});

test('layerFromConfig gives the factory the options without type, so constructors check their keys', () => {
  let received: Record<string, unknown> | undefined;
  registerLayerType('NamingTestOptions', (config) => {
    received = config;
    return new Dense({ units: 1 });
  });
  layerFromConfig({ type: 'NamingTestOptions', units: 1, name: 'a' }).dispose();
  expect(received).toEqual({ units: 1, name: 'a' });
  expect(() => layerFromConfig({ type: 'Dense', units: 2, unit: 3 })).toThrow(
    /Dense: unknown key 'unit' in options \(did you mean 'units'\?/,
  );
});
