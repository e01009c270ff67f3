import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { decodeModelProto, encodeModelProto } from '../proto/index.js';
import { importOnnx } from './import-onnx.js';
import { fixtureBytes } from './torch-fixtures.js';

/** importOnnx(...) throws an ArgumentError matching `message`, twice, and tf.memory() is unchanged. */
function expectRefused(call: () => unknown, message: RegExp): void {
  const before = tf.memory();
  for (let attempt = 0; attempt < 2; attempt++) {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(ArgumentError.isInstance(caught), String(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  }
  expect(tf.memory().numTensors).toBe(before.numTensors);
  expect(tf.memory().numBytes).toBe(before.numBytes);
}

describeEachBackend('importOnnx: bytes and options it refuses', () => {
  const mlp = fixtureBytes('mlp.onnx');

  test('the untouched file imports, from a Uint8Array and from an ArrayBuffer', () => {
    const copy = mlp.slice().buffer;
    for (const bytes of [mlp, copy]) importOnnx(bytes).dispose();
  });

  test('truncated files: cut inside the weights and inside the graph', () => {
    for (const length of [mlp.length - 100, Math.floor(mlp.length / 2), 40])
      expectRefused(() => importOnnx(mlp.subarray(0, length)), /^importOnnx: expected (the bytes of )?an ONNX model/);
  });

  test('bytes that are not ONNX: text, a PNG header, nothing', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    for (const bytes of [new TextEncoder().encode('{"not": "an onnx file"}'), png, new Uint8Array(0)])
      expectRefused(() => importOnnx(bytes), /^importOnnx: expected (the bytes of )?an ONNX model/);
  });

  test('shapes that lie: initializer data that does not fill its dims, dims that do not fit the node', () => {
    const edited = (dims: number[]) => {
      const model = decodeModelProto(mlp);
      const weight = model.graph?.initializer?.find((t) => t.name === 'net.0.weight');
      if (weight === undefined) throw new Error('the MLP fixture has no net.0.weight');
      weight.dims = dims;
      return encodeModelProto(model);
    };
    expectRefused(
      () => importOnnx(edited([12, 5])),
      /initializer 'net.0.weight': expected 60 values for dims \[12,5\], got 288 bytes/,
    );
    let caught: unknown;
    try {
      importOnnx(edited([6, 12]));
    } catch (error) {
      caught = error;
    }
    expect(ShapeError.isInstance(caught), String(caught)).toBe(true);
    // The weight read as [6, 12] makes 6 units, which the node's bias [12] contradicts first.
    expect((caught as Error).message).toMatch(/node '\/net\/net.0\/Gemm' \(Gemm\): expected a bias of shape \[6\]/);
  });

  test('a file over maxBytes is refused before it is read', () => {
    expectRefused(() => importOnnx(mlp, { maxBytes: 1000 }), /at most maxBytes 1000 bytes, got 1772 bytes/);
    importOnnx(mlp, { maxBytes: 1772 }).dispose();
  });

  test('bad options and arguments', () => {
    expectRefused(() => importOnnx(mlp, { imageLayuot: 'nhwc' } as never), /unknown key 'imageLayuot'/);
    expectRefused(() => importOnnx(mlp, { imageLayout: 'nwhc' as never }), /imageLayout/);
    expectRefused(() => importOnnx(mlp, { maxBytes: -1 }), /maxBytes to be a positive integer/);
    expectRefused(() => importOnnx('mlp.onnx' as never), /expected bytes \(Uint8Array or ArrayBuffer\), got string/);
  });
});
