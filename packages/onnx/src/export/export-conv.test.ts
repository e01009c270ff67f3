import {
  AvgPool2D,
  AvgPool3D,
  Conv2D,
  Conv3D,
  Conv3DTranspose,
  GlobalAvgPool2D,
  GlobalMaxPool2D,
  L2Pool2D,
  MaxPool2D,
  MaxPool3D,
  SeparableConv2D,
  UpSampling3D,
} from '@baihua/cnn';
import { Dense, Flatten, type Layer, Sequential } from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeModelProto } from '../proto/model-codec.js';
import { exportOnnx } from './export-onnx.js';
import { loadOrt, ortMaxDiff, parityTable, printParityTable } from './test/ort-parity.js';

const ort = await loadOrt();

async function parity(kind: string, layers: Layer[], shape: number[], tolerance = 1e-5): Promise<void> {
  const model = new Sequential({ layers });
  const x = tf.randomNormal(shape, 0, 1, 'float32', 11);
  model.apply(x).dispose();
  const diff = await ortMaxDiff(ort as never, model, [x]);
  parityTable.set(kind, diff);
  x.dispose();
  expect(diff).toBeLessThanOrEqual(tolerance);
}

const conv = (options: object) => new Conv2D({ filters: 3, kernelSize: 3, seed: 2, ...options });

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describe('exportOnnx: convolution and pooling in onnxruntime (NHWC in and out)', () => {
    afterAll(printParityTable);

    it.each([
      ['valid', { padding: 'valid' }],
      ['same, strides 2 (odd pad at the end)', { padding: 'same', strides: 2 }],
      ['full', { padding: 'full', activation: 'relu' }],
      ['same, dilations 2', { padding: 'same', dilations: 2, kernelSize: [3, 2] }],
      ['valid, strides [2, 1], softmax over channels', { strides: [2, 1], activation: 'softmax' }],
      ['no bias', { useBias: false, padding: 'same' }],
    ])('Conv2D %s', async (kind, options) => {
      await parity(`Conv2D ${kind}`, [conv(options)], [2, 9, 8, 2]);
    });

    it.each([
      ['MaxPool2D valid', new MaxPool2D({ poolSize: 2 })],
      ['MaxPool2D same 3/2', new MaxPool2D({ poolSize: 3, strides: 2, padding: 'same' })],
      ['AvgPool2D valid [3,2]', new AvgPool2D({ poolSize: [3, 2], strides: 1 })],
      ['AvgPool2D same 3/2', new AvgPool2D({ poolSize: 3, strides: 2, padding: 'same' })],
      ['L2Pool2D valid', new L2Pool2D({ poolSize: 2 })],
      ['L2Pool2D same 3/2', new L2Pool2D({ poolSize: 3, strides: 2, padding: 'same' })],
      ['GlobalAvgPool2D', new GlobalAvgPool2D()],
      ['GlobalMaxPool2D keepDims', new GlobalMaxPool2D({ keepDims: true })],
    ])('%s', async (kind, layer) => {
      await parity(kind, [layer], [2, 7, 9, 3]);
    });

    it.each([
      [
        'SeparableConv2D same, depthMultiplier 2',
        () =>
          new SeparableConv2D({
            filters: 4,
            kernelSize: 3,
            padding: 'same',
            depthMultiplier: 2,
            activation: 'relu',
            seed: 4,
          }),
      ],
      [
        'SeparableConv2D valid, strides 2, dilations 1',
        () => new SeparableConv2D({ filters: 2, kernelSize: [3, 2], strides: 2, useBias: false, seed: 5 }),
      ],
      [
        'SeparableConv2D full, dilations 2',
        () => new SeparableConv2D({ filters: 3, kernelSize: 2, padding: 'full', dilations: 2, seed: 6 }),
      ],
    ])('%s', async (kind, make) => {
      await parity(kind, [make()], [2, 7, 8, 3]);
    });

    it.each([
      ['Conv3D valid', () => new Conv3D({ filters: 3, kernelSize: 3, seed: 7 })],
      [
        'Conv3D same, strides 2, tanh',
        () =>
          new Conv3D({ filters: 2, kernelSize: [3, 2, 3], strides: 2, padding: 'same', activation: 'tanh', seed: 8 }),
      ],
      [
        'Conv3D full, dilations 2',
        () => new Conv3D({ filters: 2, kernelSize: 2, padding: 'full', dilations: 2, seed: 9 }),
      ],
      ['MaxPool3D same 3/2', () => new MaxPool3D({ poolSize: 3, strides: 2, padding: 'same' })],
      ['AvgPool3D valid 2', () => new AvgPool3D({ poolSize: 2 })],
      ['UpSampling3D [1, 2, 3]', () => new UpSampling3D({ size: [1, 2, 3] })],
      [
        'Conv3DTranspose valid, strides 2',
        () => new Conv3DTranspose({ filters: 3, kernelSize: 3, strides: 2, seed: 10 }),
      ],
      [
        'Conv3DTranspose same, k 3 s 2, relu',
        () =>
          new Conv3DTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', seed: 11 }),
      ],
      [
        'Conv3DTranspose same, k [3,2,4] s [3,2,1]',
        () =>
          new Conv3DTranspose({
            filters: 2,
            kernelSize: [3, 2, 4],
            strides: [3, 2, 1],
            padding: 'same',
            useBias: false,
            seed: 12,
          }),
      ],
      ['AvgPool3D same [2,3,2]/2', () => new AvgPool3D({ poolSize: [2, 3, 2], strides: 2, padding: 'same' })],
    ])('%s', async (kind, make) => {
      await parity(kind, [make()], [2, 5, 6, 7, 2]);
    });

    it('a LeNet-like stack keeps one Transpose in and one out', async () => {
      const layers = [
        conv({ filters: 4, activation: 'relu', padding: 'same' }),
        new MaxPool2D({ poolSize: 2 }),
        conv({ filters: 5, activation: 'tanh' }),
        new AvgPool2D({ poolSize: 2 }),
        new Flatten(),
        new Dense({ units: 3, activation: 'softmax', seed: 1 }),
      ];
      await parity('LeNet-like (conv, pools, flatten, dense)', layers, [3, 12, 12, 1]);
      const model = new Sequential({ layers: [conv({ padding: 'same' }), new MaxPool2D(), conv({})] });
      model.apply(tf.zeros([1, 8, 8, 2])).dispose();
      const nodes = decodeModelProto(exportOnnx(model)).graph?.node ?? [];
      expect(nodes.filter((n) => n.opType === 'Transpose')).toHaveLength(2);
    });
  });
