import { nodeError } from './import-error.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/** The activations of an LSTM/GRU/RNN node as baihua options: the gates' σ, and an RNN's f. */
export interface RecurrentActivations {
  /** LSTM/GRU f: 'sigmoid' (ONNX's default) or 'hardSigmoid' (HardSigmoid with alpha 0.2, beta 0.5). */
  gate: 'sigmoid' | 'hardSigmoid';
  /** RNN f: 'tanh' (default), 'relu' or 'sigmoid'. */
  rnn: 'tanh' | 'relu' | 'sigmoid';
}

const names: Record<string, string> = { Sigmoid: 'sigmoid', HardSigmoid: 'hardSigmoid', Tanh: 'tanh', Relu: 'relu' };

/**
 * Reads `activations` (with `activation_alpha` / `activation_beta`, one entry per activation that
 * takes them) of a recurrent node with `directions` directions. baihua's layers take one gate σ for
 * every gate and tanh for the cell (g, h): LSTM [f, Tanh, Tanh], GRU [f, Tanh], RNN [f], the same for
 * both directions. Anything else is refused by name.
 */
export function recurrentActivations(node: OnnxNodeIr, directions: number): RecurrentActivations {
  const given = node.attributes.get('activations');
  const alpha = node.attributes.get('activation_alpha');
  const beta = node.attributes.get('activation_beta');
  const perDirection = { LSTM: 3, GRU: 2, RNN: 1 }[node.opType] ?? 1;
  if (given === undefined) {
    if (alpha !== undefined || beta !== undefined)
      throw nodeError(node, 'unexpected activation_alpha/beta without activations');
    return { gate: 'sigmoid', rnn: 'tanh' };
  }
  const list = given.kind === 'strings' ? given.value : [];
  const alphas = alpha?.kind === 'floats' ? alpha.value : [];
  const betas = beta?.kind === 'floats' ? beta.value : [];
  const supported =
    node.opType === 'RNN'
      ? 'Tanh, Relu or Sigmoid'
      : 'Sigmoid or HardSigmoid(0.2, 0.5) for the gates, Tanh for the rest';
  const refuse = (): never => {
    throw nodeError(
      node,
      `unsupported activations ${JSON.stringify(list)} (supported: ${supported}, the same in both directions)`,
    );
  };
  if (list.length !== perDirection * directions) refuse();
  const mapped = list.map((name, i) => {
    const baihua = names[name];
    if (baihua === undefined) return refuse();
    // alpha/beta are positional over the whole list in ONNX Runtime; a HardSigmoid must be baihua's 0.2, 0.5.
    if (name === 'HardSigmoid') {
      const a = alphas[i] ?? 0.2;
      const b = betas[i] ?? 0.5;
      if (Math.abs(a - 0.2) > 1e-6 || Math.abs(b - 0.5) > 1e-6) refuse();
    }
    return baihua;
  });
  const first = mapped.slice(0, perDirection).join();
  if (mapped.slice(perDirection).join() !== '' && mapped.slice(perDirection).join() !== first) refuse();
  const [f, ...rest] = mapped.slice(0, perDirection);
  if (node.opType === 'RNN') {
    if (f === 'hardSigmoid') refuse();
    return { gate: 'sigmoid', rnn: f as RecurrentActivations['rnn'] };
  }
  if ((f !== 'sigmoid' && f !== 'hardSigmoid') || rest.some((g) => g !== 'tanh')) refuse();
  return { gate: f as RecurrentActivations['gate'], rnn: 'tanh' };
}
