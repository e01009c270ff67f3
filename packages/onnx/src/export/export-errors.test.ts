import { Conv2D, Conv3DTranspose } from '@baihua/cnn';
import {
  ArgumentError,
  Dense,
  Embedding,
  Flatten,
  Layer,
  Model,
  RepeatVector,
  Sequential,
  input,
  registerActivation,
} from '@baihua/core';
import { LSTM, PeepholeLSTM } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { decodeModelProto } from '../proto/model-codec.js';
import { exportOnnx } from './export-onnx.js';

/** A layer of the user's own: no ONNX form. */
class Twice extends Layer {
  constructor() {
    super({ name: 'twice' }, 'Twice');
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return tf.mul(x, 2);
  }
}

function built<T extends Sequential>(model: T, shape: number[]): T {
  model.apply(tf.zeros(shape)).dispose();
  return model;
}

describe('exportOnnx: the file it writes', () => {
  it('declares opset 17, IR 8, the producer, names, doc string and a dynamic batch', () => {
    const model = built(new Sequential({ name: 'toy', layers: [new Dense({ units: 2, seed: 1 })] }), [1, 3]);
    const proto = decodeModelProto(exportOnnx(model, { docString: 'a toy' }));
    expect(Number(proto.irVersion)).toBe(8);
    expect(proto.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
    expect([proto.producerName, proto.docString, proto.graph?.name]).toEqual(['baihua', 'a toy', 'toy']);
    const graph = proto.graph!;
    const dims = (v: (typeof graph.input)[number]) =>
      v.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue));
    expect(graph.input.map((i) => [i.name, dims(i)])).toEqual([['input', ['batch', 3]]]);
    expect(graph.output.map((o) => [o.name, dims(o)])).toEqual([['output', ['batch', 2]]]);
  });

  it('fixes the batch and renames inputs and outputs when asked', () => {
    const a = input({ shape: [4], name: 'a' });
    const model = new Model({ inputs: a, outputs: { score: new Dense({ units: 1, seed: 2 }).apply(a) } });
    const graph = decodeModelProto(
      exportOnnx(model, { batchSize: 8, inputNames: ['x'], outputNames: ['y'], name: 'g' }),
    ).graph!;
    expect(graph.name).toBe('g');
    expect(graph.input[0]?.name).toBe('x');
    expect(graph.output[0]?.name).toBe('y');
    expect(Number(graph.input[0]?.type?.tensorType?.shape?.dim?.[0]?.dimValue)).toBe(8);
    expect(decodeModelProto(exportOnnx(model)).graph?.output[0]?.name).toBe('score');
  });
});

describe('exportOnnx: tensors', () => {
  it('leaves no tensor behind over repeated exports of conv, recurrent and norm layers', () => {
    const model = built(
      new Sequential({
        layers: [
          new Conv2D({ filters: 2, kernelSize: 3, seed: 1 }),
          new Flatten(),
          new RepeatVector({ n: 3 }),
          new LSTM({ units: 2, seed: 1 }),
        ],
      }),
      [1, 5, 5, 1],
    );
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) expect(exportOnnx(model).length).toBeGreaterThan(100);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('exportOnnx: bad input', () => {
  it('refuses a layer with no ONNX form by name and type, leaking nothing over repeated calls', () => {
    const model = built(
      new Sequential({
        layers: [
          new Conv2D({ filters: 2, kernelSize: 3, seed: 1 }),
          new Flatten(),
          new Dense({ units: 3, seed: 1 }),
          new RepeatVector({ n: 2 }),
          new LSTM({ units: 2, returnSequences: true, seed: 1 }),
          new Twice(),
        ],
      }),
      [1, 5, 5, 1],
    );
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++)
      expect(() => exportOnnx(model)).toThrow(
        /exportOnnx: expected layers with an ONNX form, got layer 'twice' of type Twice, which has none/,
      );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses masks, user activations and full peepholes by name', () => {
    const masked = new Sequential({
      layers: [new Embedding({ inputDim: 5, outputDim: 2, maskZero: true, name: 'words' }), new LSTM({ units: 2 })],
    });
    masked.apply(tf.zeros([1, 3], 'int32')).dispose();
    expect(() => exportOnnx(masked)).toThrow("got layer 'words' (Embedding) has maskZero: true");
    const transpose = built(
      new Sequential({
        layers: [new Conv3DTranspose({ filters: 1, kernelSize: [1, 2, 2], strides: 2, padding: 'same', name: 'up' })],
      }),
      [1, 2, 2, 2, 1],
    );
    expect(() => exportOnnx(transpose)).toThrow(
      "got layer 'up' (Conv3DTranspose) has padding 'same' with a kernel smaller than its stride",
    );
    const peephole = built(
      new Sequential({ layers: [new PeepholeLSTM({ units: 2, peephole: 'full', name: 'pf' })] }),
      [1, 3, 2],
    );
    expect(() => exportOnnx(peephole)).toThrow("got layer 'pf' (PeepholeLSTM) has full peephole matrices");
    registerActivation('cube', (x) => tf.pow(x, 3));
    const custom = built(
      new Sequential({ layers: [new Dense({ units: 2, activation: 'cube', name: 'cubic' })] }),
      [1, 2],
    );
    expect(() => exportOnnx(custom)).toThrow("got layer 'cubic' (Dense) uses the activation 'cube'");
  });

  it('refuses an unbuilt model, what is not a model, and bad options', () => {
    const model = new Sequential({ layers: [new Dense({ units: 2 })] });
    expect(() => exportOnnx(model)).toThrow(ArgumentError);
    expect(() => exportOnnx(model)).toThrow(/expected a built model/);
    expect(() => exportOnnx(new Dense({ units: 2, name: 'd' }) as never)).toThrow(
      "expected a Sequential or a Model, got layer 'd' (Dense)",
    );
    expect(() => exportOnnx(null as never)).toThrow('expected a Sequential or a Model, got null');
    built(model, [1, 2]);
    expect(() => exportOnnx(model, { batch: 2 } as never)).toThrow(/exportOnnx: unknown key 'batch'/);
    expect(() => exportOnnx(model, { batchSize: 0 })).toThrow(
      'exportOnnx: expected options.batchSize to be a positive integer or null, got 0',
    );
    expect(() => exportOnnx(model, { inputNames: ['a', 'b'] })).toThrow(
      'exportOnnx: expected 1 options.inputNames (one per model input), got 2',
    );
    expect(() => exportOnnx(model, { outputNames: [''] })).toThrow(
      /options.outputNames to be an array of non-empty strings/,
    );
    expect(() => exportOnnx(model, { inputNames: ['x'], outputNames: ['x'] })).toThrow("got 'x' in both");
    expect(() => exportOnnx(model, { docString: 3 } as never)).toThrow(
      'expected options.docString to be a string, got number',
    );
  });
});
