import { paddingAttributes, spatialSize, toChannelsFirst, toChannelsLast } from './channels-first.js';
import { type ConvertContext, type LayerConverter, type ConvertResult, single } from './export-context.js';

type Pool = { poolSize: number[]; strides: number[]; padding: string; name: string };

/** A 2-D or 3-D pool: ONNX's op in NCHW ('same' padding: SAME_UPPER, padded cells ignored / not counted). */
function pool(opType: string, extra: Record<string, number> = {}) {
  return (context: ConvertContext): ConvertResult => {
    const { builder, inputs } = context;
    const layer = context.layer as unknown as Pool;
    const x = inputs[0]!;
    const rank = x.shape.length;
    const sizes = x.shape.slice(1, -1);
    const ones = sizes.map(() => 1);
    const y = builder.op(opType, [toChannelsFirst(builder, x.name, rank, layer.name)], `${layer.name}/pool`, {
      kernel_shape: layer.poolSize,
      strides: layer.strides,
      ...paddingAttributes(layer.padding, layer.poolSize, ones, layer.strides, sizes),
      ...extra,
    });
    const shape = [
      x.shape[0]!,
      ...sizes.map((n, i) => spatialSize(n, layer.poolSize[i]!, layer.strides[i]!, 1, layer.padding)),
      x.shape[rank - 1]!,
    ];
    return single({ name: toChannelsLast(builder, y, rank, layer.name), shape });
  };
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerPoolConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  register('MaxPool2D', pool('MaxPool'));
  // AveragePool's count_include_pad 0: a 'same' window's mean over its cells inside the image, as tfjs.
  register('AvgPool2D', pool('AveragePool', { count_include_pad: 0 }));
  // L2Pool2D is sqrt(sum x^2) over the window (PyTorch's LPPool2d, p = 2): ONNX LpPool with p = 2.
  register('L2Pool2D', pool('LpPool', { p: 2 }));
  register('MaxPool3D', pool('MaxPool'));
  register('AvgPool3D', pool('AveragePool', { count_include_pad: 0 }));

  /** Global pools over the spatial (or time) axes, on the channels-last input: ReduceMean / ReduceMax. */
  function globalPool(opType: string, axes: number[]) {
    return (context: ConvertContext): ConvertResult => {
      const { builder, inputs, layer } = context;
      const x = inputs[0]!;
      const keepDims = (layer as unknown as { keepDims: boolean }).keepDims;
      const y = builder.op(opType, [x.name], layer.name, { axes, keepdims: keepDims ? 1 : 0 });
      const shape = keepDims
        ? x.shape.map((s, a) => (axes.includes(a) ? 1 : s))
        : x.shape.filter((_, a) => !axes.includes(a));
      return single({ name: y, shape });
    };
  }

  register('GlobalAvgPool2D', globalPool('ReduceMean', [1, 2]));
  register('GlobalMaxPool2D', globalPool('ReduceMax', [1, 2]));

  register('GlobalAvgPool1D', globalPool('ReduceMean', [1]));
  register('GlobalMaxPool1D', globalPool('ReduceMax', [1]));
}
