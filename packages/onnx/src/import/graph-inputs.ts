import { type SymbolicTensor, input } from '@baihua/core';
import type { ImportContext } from './import-context.js';
import { importError } from './import-error.js';
import { identityAxes } from './import-values.js';
import { nchwAsNhwc } from './layout.js';

/** ONNX element types (TensorProto.DataType) a graph input may have, and baihua's dtype for each. */
const inputTypes: Record<number, 'float32' | 'int32'> = { 1: 'float32', 6: 'int32', 7: 'int32' };

/**
 * One baihua input per ONNX graph input that is not an initialiser. The first axis is the batch;
 * other sizes come from the file (null where symbolic, as a dynamic sequence length). A rank-4
 * float input is an NCHW image: taken as NCHW (default) or, with imageLayout 'nhwc', as NHWC.
 */
export function createInputs(context: ImportContext, imageLayout: 'nchw' | 'nhwc'): SymbolicTensor[] {
  const real = context.graph.inputs.filter((i) => !context.graph.initializers.has(i.name));
  if (real.length === 0) throw importError('expected at least one graph input, got none');
  return real.map((info) => {
    const dtype = inputTypes[info.elemType];
    if (dtype === undefined)
      throw importError(
        `graph input '${info.name}': unsupported element type ${info.elemType} (supported: float, int64, int32)`,
      );
    if (info.dims === undefined || info.dims.length < 2)
      throw importError(
        `graph input '${info.name}': expected a known rank of at least 2 ([batch, ...]), ` +
          `got ${JSON.stringify(info.dims)}`,
      );
    const rest = info.dims.slice(1);
    const image = dtype === 'float32' && rest.length === 3;
    if (image && imageLayout === 'nhwc') {
      const [c, h, w] = rest;
      const symbolic = input({ name: info.name, shape: [h ?? null, w ?? null, c ?? null], dtype });
      context.setDynamic(info.name, symbolic, info.dims, nchwAsNhwc);
      return symbolic;
    }
    const symbolic = input({ name: info.name, shape: rest, dtype });
    context.setDynamic(info.name, symbolic, info.dims, identityAxes(info.dims.length));
    return symbolic;
  });
}
