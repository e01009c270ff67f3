import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';

/** A tensor as the fixture JSON stores it (row-major). */
export interface FixtureTensor {
  shape: number[];
  data: number[];
}

/** One PyTorch-exported model of packages/onnx/fixtures and PyTorch's values for it. */
export interface TorchOnnxCase {
  file: string;
  input: FixtureTensor;
  output: FixtureTensor;
  dy?: FixtureTensor;
  gradients?: Record<string, FixtureTensor>;
}

const folder = new URL('../../fixtures/', import.meta.url);

/** Test helper: the cases written by fixtures/make-torch-onnx.py, by name (mlp, lenet, ...). */
export function torchOnnxCases(): Record<string, TorchOnnxCase> {
  return JSON.parse(readFileSync(new URL('torch-onnx-cases.json', folder), 'utf8')).cases;
}

/** Test helper: the bytes of a fixture file. */
export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(file, folder)));
}

/** Test helper: a fixture tensor as a tf.Tensor (int32 when every value is an integer and `ids` is set). */
export function fixtureTensor(t: FixtureTensor, dtype: 'float32' | 'int32' = 'float32'): tf.Tensor {
  return tf.tensor(t.data, t.shape, dtype);
}
