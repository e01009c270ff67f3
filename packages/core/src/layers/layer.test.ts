import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { deserializeModel, serializeModel } from '../serialization/index.js';
import { Layer, Sequential, registerLayerType, type CallContext, type LayerOptions } from './index.js';

// The example from the comment at the top of layer.ts, verbatim: how another package adds a layer.
interface ScaleOptions extends LayerOptions {
  initialScale?: number;
}

class Scale extends Layer {
  readonly initialScale: number;
  constructor(options: ScaleOptions = {}) {
    super(options, 'Scale', ['initialScale']);
    this.initialScale = options.initialScale ?? 1;
  }
  protected override build(inputShape: number[]): void {
    this.addWeight('scale', [inputShape.at(-1)!], { initializer: { name: 'constant', value: this.initialScale } });
  }
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.mul(x, this.weight('scale').read());
  }
  override getConfig() {
    return { ...super.getConfig(), initialScale: this.initialScale };
  }
}
registerLayerType('Scale', (config) => new Scale(config as ScaleOptions));

describeEachBackend('Layer (a layer defined outside core)', () => {
  test('builds lazily, computes, saves and loads through the registry', async () => {
    const scale = new Scale({ initialScale: 2, name: 'double' });
    expect(scale.isBuilt).toBe(false);
    const x = tf.tensor2d([[1, 2, 3]]);
    const y = scale.apply(x);
    await expectTensorsClose(y, [[2, 4, 6]]);
    expect(scale.weights().map((w) => `${w.path} ${w.shape.join('x')} ${w.trainable}`)).toEqual([
      'double/scale 3 true',
    ]);
    expect(scale.inputShape).toEqual([null, 3]);
    const model = new Sequential({ layers: [scale] });
    model.apply(x).dispose();
    const { topology, weights } = await serializeModel(model);
    expect(topology.model).toMatchObject({
      type: 'Sequential',
      layers: [{ type: 'Scale', name: 'double', initialScale: 2 }],
    });
    const copy = await deserializeModel({ topology, weights });
    const z = copy.apply(x);
    await expectTensorsClose(z, [[2, 4, 6]]);
    tf.dispose([x, y, z]);
    model.dispose();
    copy.dispose();
  });

  test('a failing build leaves no variable behind; the layer can be built again', () => {
    class Broken extends Layer {
      constructor() {
        super({}, 'Broken');
      }
      protected override build(inputShape: number[]): void {
        this.addWeight('first', [inputShape.at(-1)!], { initializer: 'ones' });
        if (inputShape.at(-1) === 3) throw new Error('Broken: three is not allowed');
        this.addWeight('second', [2], { initializer: 'ones' });
      }
      protected override call(x: tf.Tensor): tf.Tensor {
        return tf.clone(x);
      }
    }
    const layer = new Broken();
    const before = tf.memory().numTensors;
    const x3 = tf.ones([1, 3]);
    const x2 = tf.ones([1, 2]);
    expect(() => layer.apply(x3)).toThrow(/Broken: three is not allowed/);
    expect(tf.memory().numTensors).toBe(before + 2); // x3 and x2 only
    expect(layer.isBuilt).toBe(false);
    layer.apply(x2).dispose();
    expect(layer.weights().map((w) => w.name)).toEqual(['first', 'second']);
    layer.dispose();
    tf.dispose([x3, x2]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('bad constructor options', () => {
    expect(() => new Scale(null as never)).toThrow(/Scale: expected an options object, got null/);
    expect(() => new Scale({ name: 3 as never })).toThrow(/Scale: expected name to be a non-empty string, got 3/);
    expect(() => new Scale({ initalScale: 2 } as never)).toThrow(
      /^Scale: unknown key 'initalScale' in options \(did you mean 'initialScale'\?/,
    );
    const scalar = tf.scalar(1);
    expect(() => new Scale().apply(scalar)).toThrow(
      /Scale\.apply: expected x of rank >= 1 \(batch first\), got rank 0/,
    );
    scalar.dispose();
  });
});
