import { ArgumentError } from '@baihua/core';
import { describe, expect, it } from 'vitest';
import { decodeModelProto, encodeModelProto } from './model-codec.js';
import { float32TensorProto, int64TensorProto, tensorProtoValues } from './tensor-proto.js';

describe('ModelProto encode/decode', () => {
  it('round-trips a model with a node, an initializer and a dynamic batch dim', () => {
    const bytes = encodeModelProto({
      irVersion: 8,
      producerName: 'test',
      opsetImport: [{ domain: '', version: 17 }],
      graph: {
        name: 'g',
        node: [{ opType: 'Relu', input: ['x'], output: ['y'], name: 'relu' }],
        initializer: [float32TensorProto('w', [2], [1.5, -2])],
        input: [
          { name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'N' }, { dimValue: 3 }] } } } },
        ],
        output: [{ name: 'y' }],
      },
    });
    const model = decodeModelProto(bytes);
    expect(Number(model.irVersion)).toBe(8);
    expect(Number(model.opsetImport[0]?.version)).toBe(17);
    expect(model.graph?.node?.[0]?.opType).toBe('Relu');
    const dims = model.graph?.input?.[0]?.type?.tensorType?.shape?.dim ?? [];
    expect(dims[0]?.dimParam).toBe('N');
    expect(Number(dims[1]?.dimValue)).toBe(3);
    expect(tensorProtoValues(model.graph?.initializer?.[0] ?? {}).values).toEqual(new Float32Array([1.5, -2]));
  });

  it('keeps int64 values and refuses sizes that do not match the dims', () => {
    expect(tensorProtoValues(int64TensorProto('s', [3], [0, -1, 2 ** 40])).values).toEqual([0, -1, 2 ** 40]);
    expect(() => float32TensorProto('w', [2, 2], [1, 2, 3])).toThrow(
      'float32TensorProto: expected 4 values for dims [2,2], got 3',
    );
    expect(() => int64TensorProto('s', [1], [0.5])).toThrow(ArgumentError);
  });

  it('refuses what is not bytes and fails on truncated bytes', () => {
    expect(() => decodeModelProto([1, 2] as unknown as Uint8Array)).toThrow(
      'decodeModelProto: expected bytes as a Uint8Array, got Array',
    );
    expect(() => encodeModelProto(null as never)).toThrow('encodeModelProto: expected a ModelProto object, got null');
    const bytes = encodeModelProto({ irVersion: 8, graph: { name: 'a long graph name to cut' } });
    expect(() => decodeModelProto(bytes.subarray(0, bytes.length - 3))).toThrow();
  });
});
