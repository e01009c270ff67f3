import type { Bidirectional, RecurrentLayer } from '@baihua/rnn';
import { type ConvertContext, type LayerConverter, type ConvertResult, refuse, single } from './export-context.js';
import type { OnnxGraphBuilder } from './onnx-graph-builder.js';
import { onnxRecurrentWeights } from './recurrent-weights.js';

const onnxActivation: Record<string, string> = {
  sigmoid: 'Sigmoid',
  hardSigmoid: 'HardSigmoid',
  tanh: 'Tanh',
  relu: 'Relu',
};

/** The activations attribute (f, g, h for LSTM; f, g for GRU; f for RNN) of one direction, with alpha/beta. */
function activationsOf(layer: RecurrentLayer, opType: string): { names: string[]; alpha: number[]; beta: number[] } {
  const config = layer.getConfig();
  const names =
    opType === 'RNN'
      ? [config.activation as string]
      : [config.recurrentActivation as string, 'tanh', ...(opType === 'LSTM' ? ['tanh'] : [])];
  for (const name of names)
    if (onnxActivation[name] === undefined)
      refuse(layer, `uses the activation '${name}' (ONNX's recurrent ops here: sigmoid, hardSigmoid, tanh, relu)`);
  return {
    names: names.map((n) => onnxActivation[n] as string),
    alpha: names.map((n) => (n === 'hardSigmoid' ? 0.2 : 0)),
    beta: names.map((n) => (n === 'hardSigmoid' ? 0.5 : 0)),
  };
}

/**
 * Writes one ONNX LSTM/GRU/RNN node for one or two directions (the layers share kind and size).
 * Input [batch, time, in] goes through Transpose to ONNX's [time, batch, in]; returns Y
 * [time, dirs, batch, H] and Y_h [dirs, batch, H].
 */
function writeRecurrent(
  builder: OnnxGraphBuilder,
  layers: RecurrentLayer[],
  x: string,
  base: string,
  direction: string,
  lengths: string | undefined,
) {
  const weights = layers.map((l) => onnxRecurrentWeights(l));
  const first = weights[0]!;
  const h = layers[0]!.units;
  const dirs = layers.length;
  const join = (pick: (w: (typeof weights)[number]) => Float32Array | undefined) => {
    const parts = weights.map((w) => pick(w) as Float32Array);
    const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      all.set(p, offset);
      offset += p.length;
    }
    return all;
  };
  const g = first.gates;
  const inputSize = first.w.length / (g * h);
  const inputs = [
    builder.op('Transpose', [x], `${base}/time_major`, { perm: [1, 0, 2] }),
    builder.floats(
      `${base}/W`,
      [dirs, g * h, inputSize],
      join((w) => w.w),
    ),
    builder.floats(
      `${base}/R`,
      [dirs, g * h, h],
      join((w) => w.r),
    ),
    builder.floats(
      `${base}/B`,
      [dirs, 2 * g * h],
      join((w) => w.b),
    ),
  ];
  // Optional inputs by position: sequence_lens (4), initial_h (5), initial_c (6), P (7).
  if (lengths !== undefined || first.p !== undefined) inputs.push(lengths ?? '');
  if (first.p !== undefined)
    inputs.push(
      '',
      '',
      builder.floats(
        `${base}/P`,
        [dirs, 3 * h],
        join((w) => w.p),
      ),
    );
  const acts = layers.map((l) => activationsOf(l, first.opType));
  const [y, yH] = builder.node(
    first.opType,
    inputs,
    `${base}/${first.opType.toLowerCase()}`,
    {
      hidden_size: h,
      direction,
      activations: acts.flatMap((a) => a.names),
      activation_alpha: { floats: acts.flatMap((a) => a.alpha) },
      activation_beta: { floats: acts.flatMap((a) => a.beta) },
      ...first.attributes,
    },
    2,
  );
  return { y: y as string, yH: yH as string, h, dirs };
}

/**
 * The layer's output from Y / Y_h, merged over directions: 'concat' (a Reshape of [.., dirs, H]
 * to [.., dirs * H], forward first), 'sum', 'average', 'multiply' (a reduction over the direction axis).
 */
function outputOf(
  builder: OnnxGraphBuilder,
  written: ReturnType<typeof writeRecurrent>,
  sequences: boolean,
  merge: string,
  base: string,
  batch: number | null,
  time: number | null,
) {
  const { y, yH, h, dirs } = written;
  // [batch, time, dirs, H] or [batch, dirs, H]
  const moved = sequences
    ? builder.op('Transpose', [y], `${base}/batch_major`, { perm: [2, 0, 1, 3] })
    : builder.op('Transpose', [yH], `${base}/batch_major`, { perm: [1, 0, 2] });
  const axis = sequences ? 2 : 1;
  const lead = sequences ? [batch, time] : [batch];
  if (merge === 'concat' || dirs === 1) {
    const shape = builder.ints(`${base}/merged_shape`, sequences ? [0, 0, -1] : [0, -1]);
    return { name: builder.op('Reshape', [moved, shape], base), shape: [...lead, dirs * h] };
  }
  const reduce = { sum: 'ReduceSum', average: 'ReduceMean', multiply: 'ReduceProd' }[merge] as string;
  const name =
    reduce === 'ReduceSum'
      ? builder.op(reduce, [moved, builder.ints(`${base}/direction_axis`, [axis])], base, { keepdims: 0 })
      : builder.op(reduce, [moved], base, { axes: [axis], keepdims: 0 });
  return { name, shape: [...lead, h] };
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerRecurrentConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  for (const typeName of ['LSTM', 'GRU', 'SimpleRNN', 'PeepholeLSTM', 'CoupledLSTM'])
    register(typeName, (context: ConvertContext): ConvertResult => {
      const layer = context.layer as RecurrentLayer;
      const x = context.inputs[0]!;
      const written = writeRecurrent(
        context.builder,
        [layer],
        x.name,
        layer.name,
        layer.reverse ? 'reverse' : 'forward',
        context.lengths[0],
      );
      const y = outputOf(
        context.builder,
        written,
        layer.returnSequences,
        'concat',
        layer.name,
        x.shape[0]!,
        x.shape[1]!,
      );
      return single(y, layer.returnSequences ? context.lengths[0] : undefined);
    });

  register('Bidirectional', (context: ConvertContext): ConvertResult => {
    const layer = context.layer as Bidirectional;
    const { forwardLayer, backwardLayer } = layer;
    if (forwardLayer.reverse || !backwardLayer.reverse)
      refuse(layer, 'wraps a layer that runs backwards (ONNX bidirectional runs forward, then backward)');
    const x = context.inputs[0]!;
    const written = writeRecurrent(
      context.builder,
      [forwardLayer, backwardLayer],
      x.name,
      layer.name,
      'bidirectional',
      context.lengths[0],
    );
    return single(
      outputOf(
        context.builder,
        written,
        forwardLayer.returnSequences,
        layer.merge,
        layer.name,
        x.shape[0]!,
        x.shape[1]!,
      ),
      forwardLayer.returnSequences ? context.lengths[0] : undefined,
    );
  });
}
