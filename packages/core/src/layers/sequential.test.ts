import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectTensorsClose } from '../testing.js';
import {
  BatchNorm,
  Dense,
  Dropout,
  Sequential,
  layerFromConfig,
  registerLayerType,
  registeredLayerTypes,
} from './index.js';

describeEachBackend('Sequential', () => {
  test('applies layers in order; lazy build; gradient through the stack', async () => {
    const model = new Sequential({
      seed: 3,
      layers: [new Dense({ units: 4, activation: tf.tanh }), new Dense({ units: 2 })],
    });
    expect(model.isBuilt).toBe(false);
    const x = tf.tensor2d([
      [0.2, -0.1, 0.4],
      [0.3, 0.5, -0.2],
    ]);
    const y = model.apply(x);
    const [first, second] = model.layers as [Dense, Dense];
    const expected = second.apply(first.apply(x));
    await expectTensorsClose(y, expected);
    expect(y.shape).toEqual([2, 2]);
    expect(model.countParams()).toBe(3 * 4 + 4 + 4 * 2 + 2);
    await checkGradients((input) => model.apply(input), [x]);
    tf.dispose([x, y, expected]);
    model.dispose();
  });

  test('one model seed fixes every initial weight; getWeights / setWeights round trip', async () => {
    const make = (seed: number) => new Sequential({ seed, layers: [new Dense({ units: 3 }), new Dense({ units: 2 })] });
    const [a, b, c] = [make(1), make(1), make(2)];
    for (const m of [a, b, c]) m.ensureBuilt([1, 4]);
    const [wa, wb, wc] = [a.getWeights(), b.getWeights(), c.getWeights()];
    await expectTensorsClose(wa[0]!, wb[0]!, { rtol: 0, atol: 0 });
    await expectTensorsClose(wa[2]!, wb[2]!, { rtol: 0, atol: 0 });
    await expect(expectTensorsClose(wa[0]!, wc[0]!)).rejects.toThrow(/exceeds/);
    c.setWeights(wa);
    const cw = c.getWeights();
    for (let i = 0; i < wa.length; i++) await expectTensorsClose(cw[i]!, wa[i]!, { rtol: 0, atol: 0 });
    tf.dispose([...wa, ...wb, ...wc, ...cw]);
    for (const m of [a, b, c]) m.dispose();
  });

  test('trainable flag: freezing a layer or the model moves its weights to non-trainable', () => {
    const model = new Sequential({
      seed: 1,
      layers: [new Dense({ units: 3 }), new BatchNorm(), new Dense({ units: 2 })],
    });
    model.ensureBuilt([1, 4]);
    expect(model.trainableWeights().length).toBe(2 + 2 + 2);
    expect(model.nonTrainableWeights().map((w) => w.name)).toEqual(['movingMean', 'movingVariance']);
    (model.layers[0] as Dense).trainable = false;
    expect(model.trainableWeights().length).toBe(4);
    model.trainable = false;
    expect(model.trainableWeights().length).toBe(0);
    model.trainable = true;
    expect(model.trainableWeights().length).toBe(6);
    model.dispose();
  });

  test('summary lists layers, output shapes and parameter counts; a parent row counts its children', () => {
    const model = new Sequential({
      name: 'mlp',
      seed: 1,
      layers: [
        new Dense({ units: 256, name: 'h1' }),
        new Dropout({ rate: 0.2, name: 'd1' }),
        new Dense({ units: 10, name: 'out' }),
      ],
    });
    const x = tf.zeros([2, 784]);
    model.apply(x).dispose();
    const text = model.summary();
    // The parent row counts its children's parameters (as Keras shows a nested model).
    expect(text).toMatch(/mlp \(Sequential\)\s+\[null,10\]\s+203,530/);
    expect(text).toMatch(/h1 \(Dense\)\s+\[null,256\]\s+200,960/);
    expect(text).toMatch(/d1 \(Dropout\)\s+\[null,256\]\s+0/);
    expect(text).toMatch(/out \(Dense\)\s+\[null,10\]\s+2,570/);
    expect(text).toMatch(/Total params: 203,530\nTrainable params: 203,530\nNon-trainable params: 0/);
    x.dispose();
    model.dispose();
  });

  test('config round trip through the registry; a package can register its own layer type', async () => {
    class Scale extends Dense {}
    registerLayerType('test.Scale', (config) => new Scale(config as never));
    expect(registeredLayerTypes()).toEqual(
      expect.arrayContaining([
        'Dense',
        'Dropout',
        'BatchNorm',
        'LayerNorm',
        'GroupNorm',
        'Flatten',
        'Residual',
        'Sequential',
        'test.Scale',
      ]),
    );
    const model = new Sequential({
      seed: 5,
      layers: [
        new Dense({ units: 3, activation: 'linear', kernelInitializer: 'heNormal' }),
        new Dropout({ rate: 0.1 }),
      ],
    });
    const config = JSON.parse(JSON.stringify(model.getConfig()));
    const copy = layerFromConfig(config);
    expect(copy.getConfig()).toEqual(model.getConfig());
    const x = tf.ones([1, 2]);
    const [ya, yb] = [model.apply(x), copy.apply(x)];
    await expectTensorsClose(ya, yb, { rtol: 0, atol: 0 });
    tf.dispose([x, ya, yb]);
    model.dispose();
    copy.dispose();
  });

  test('bad input: adding twice, adding after build, unknown types, bad names', () => {
    const dense = new Dense({ units: 2 });
    const model = new Sequential({ layers: [dense] });
    expect(() => model.add(dense)).toThrow(/Sequential\.add: layer 'dense_\d+' is in model 'sequential_\d+' already/);
    expect(() => model.add({} as Dense)).toThrow(/Sequential\.add: expected a Layer, got object/);
    model.ensureBuilt([1, 3]);
    expect(() => model.add(new Dense({ units: 1 }))).toThrow(
      /Sequential\.add: cannot add layer 'dense_\d+': model 'sequential_\d+' is built already/,
    );
    expect(() => layerFromConfig({ type: 'NoSuchLayer' })).toThrow(
      /layerFromConfig: unknown layer type "NoSuchLayer" \(registered: .*Dense.*\)/,
    );
    expect(() => layerFromConfig(null as never)).toThrow(/layerFromConfig: expected a layer config object, got null/);
    expect(() => registerLayerType('__proto__ x', () => dense)).toThrow(/registerLayerType: expected typeName/);
    expect(() => new Dense({ units: 1, name: '' })).toThrow(/Dense: expected name to be a non-empty string, got ""/);
    expect(() => new Dense({ units: 1, seed: 1.5 })).toThrow(/Dense: expected seed to be an integer, got 1.5/);
    model.dispose();
  });
});
