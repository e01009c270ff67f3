import type { RecurrentLayer } from '@baihua/rnn';
import type * as tf from '@tensorflow/tfjs-core';
import { hostTranspose } from './host-transpose.js';
import { weightValues } from './weight-values.js';
import { refuse } from './export-context.js';

/** One direction's weights in ONNX's layout: W [G*H, I], R [G*H, H], B [2*G*H] (Wb then Rb), P [3H]. */
export interface OnnxRecurrentWeights {
  opType: 'LSTM' | 'GRU' | 'RNN';
  w: Float32Array;
  r: Float32Array;
  b: Float32Array;
  p?: Float32Array;
  gates: number;
  /** Attributes beyond direction, hidden_size and activations. */
  attributes: Record<string, number>;
}

/** A gate block of ONNX's order: baihua's block `from` (negated: 1 - σ(a) = σ(-a)), or zeros (-1). */
type Block = { from: number; negate?: boolean };

/**
 * The weights of a recurrent layer's cell in ONNX's layout and gate order: LSTM i, o, f, c (from
 * baihua's i, f, g, o); GRU z, r, h (from r, z, n or z, r, n; baihua's default update form
 * h = (1 - z) h' + z h~ is ONNX's with z's weights and biases negated); coupled LSTM as ONNX's
 * input_forget = 1 (i = 1 - f: the i block is baihua's f block negated); Elman as RNN.
 */
export function onnxRecurrentWeights(layer: RecurrentLayer): OnnxRecurrentWeights {
  const cell = layer.cell as unknown as {
    kind: string;
    hiddenSize: number;
    inputSize: number;
    weightLayout: 'keras' | 'torch';
    gateOrder?: 'rzn' | 'zrn';
    updateGate?: 'new' | 'previous';
    resetAfter?: boolean;
    peephole?: 'diagonal' | 'full';
    weightVariables(): Readonly<Record<string, tf.Variable>>;
  };
  const h = cell.hiddenSize;
  let opType: OnnxRecurrentWeights['opType'];
  let blocks: (Block | null)[];
  const attributes: Record<string, number> = {};
  switch (cell.kind) {
    case 'lstm':
    case 'peephole-lstm':
      opType = 'LSTM';
      blocks = [{ from: 0 }, { from: 3 }, { from: 1 }, { from: 2 }];
      if (cell.kind === 'peephole-lstm' && cell.peephole !== 'diagonal')
        refuse(layer, "has full peephole matrices (ONNX's LSTM has diagonal peepholes only)");
      break;
    case 'coupled-lstm':
      opType = 'LSTM';
      blocks = [{ from: 0, negate: true }, { from: 2 }, null, { from: 1 }];
      attributes.input_forget = 1;
      break;
    case 'gru': {
      opType = 'GRU';
      const [r, z] = cell.gateOrder === 'zrn' ? [1, 0] : [0, 1];
      blocks = [{ from: z, negate: cell.updateGate === 'new' }, { from: r }, { from: 2 }];
      attributes.linear_before_reset = cell.resetAfter ? 1 : 0;
      break;
    }
    case 'elman':
      opType = 'RNN';
      blocks = [{ from: 0 }];
      break;
    default:
      return refuse(layer, `has a cell of kind '${cell.kind}', which has no ONNX recurrent operator`);
  }
  const vars = cell.weightVariables();
  const torch = cell.weightLayout === 'torch';
  // [G*H, width] row-major on the host (keras layout [width, G*H] is transposed).
  const rows = (m: tf.Tensor, width: number): Float32Array =>
    torch ? weightValues(m) : hostTranspose(weightValues(m), [width, m.shape[1] as number], [1, 0]).values;
  const arrange = (source: Float32Array | undefined, width: number): Float32Array => {
    const out = new Float32Array(blocks.length * h * width);
    blocks.forEach((block, b) => {
      if (block === null || source === undefined) return;
      const sign = block.negate ? -1 : 1;
      for (let k = 0; k < h * width; k++)
        out[b * h * width + k] = sign * (source[block.from * h * width + k] as number);
    });
    return out;
  };
  const w = arrange(rows(vars.kernel as tf.Tensor, cell.inputSize), cell.inputSize);
  const r = arrange(rows(vars.recurrentKernel as tf.Tensor, h), h);
  const wb = arrange(vars.bias ? weightValues(vars.bias) : undefined, 1);
  const rb = arrange(vars.recurrentBias ? weightValues(vars.recurrentBias) : undefined, 1);
  const b = new Float32Array(wb.length * 2);
  b.set(wb);
  b.set(rb, wb.length);
  const result: OnnxRecurrentWeights = { opType, w, r, b, gates: blocks.length, attributes };
  if (cell.kind === 'peephole-lstm') {
    // baihua's diagonal peepholes are rows i, f, o; ONNX's P is i, o, f.
    const p = weightValues(vars.peepholeWeights as tf.Tensor);
    result.p = Float32Array.from([0, 2, 1].flatMap((row) => Array.from(p.subarray(row * h, (row + 1) * h))));
  }
  return result;
}
