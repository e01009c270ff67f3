// Measures the wasm fused sequence kernels at the anchor shape (T100 B64 I256 H256, LSTM):
// forward and forward+backward (gradients for x and every weight), fused vs op-by-op
// (setFusedSequences(false)) vs stock tfjs-layers, and achieved GFLOP/s beside a matMul of the
// projection's size in the same run. One process, one run: report ratios, not absolute times.
// Usage (after `pnpm turbo run build --filter=@baihua/rnn`), from packages/rnn:
//   node scripts/measure-fused-wasm.mjs [--threads N] [--quick]
import { useBackend } from '@baihua/core';
import { LstmCell, fusedSequenceRunnerFor, runSequence, setFusedSequences } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

const args = process.argv.slice(2);
const threadsAt = args.indexOf('--threads');
const threads = threadsAt >= 0 ? Number(args[threadsAt + 1]) : undefined;
const quick = args.includes('--quick');
await useBackend('wasm', threads === undefined ? {} : { threads });
const [T, B, I, H] = [100, 64, 256, 256];
const forwardFlops = 2 * T * B * (I + H) * 4 * H;
// Backward: dx, dW, dU and dh_{k-1} are each one product of the forward's size.
const backwardFlops = 2 * forwardFlops;

/** Median milliseconds of `repeats` runs after `warmUps` (the heap grows in the first); `work` returns tensors. */
async function time(repeats, work, warmUps = 1) {
  const times = [];
  for (let k = 1 - warmUps; k <= repeats; k++) {
    const start = performance.now();
    const result = work();
    const tensors = [result].flat(Infinity).filter((t) => t instanceof tf.Tensor);
    await Promise.all(tensors.map((t) => t.data()));
    if (k > 0) times.push(performance.now() - start);
    tf.dispose(tensors);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const x = tf.variable(tf.randomNormal([B, T, I], 0, 1, 'float32', 1));
const rows = [];
const row = (name, ms, flops) => {
  rows.push({ name, ms, gflops: flops / ms / 1e6 });
  console.log(
    `${name.padEnd(46)} ${ms.toFixed(1).padStart(9)} ms ${(flops / ms / 1e6).toFixed(1).padStart(7)} GFLOP/s`,
  );
};

const a = tf.randomNormal([B * T, I]);
const w = tf.randomNormal([I, 4 * H]);
row(`matMul ${B * T}x${I}x${4 * H}`, await time(5, () => tf.matMul(a, w)), 2 * B * T * I * 4 * H);
const h = tf.randomNormal([B, H]);
const u = tf.randomNormal([H, 4 * H]);
row(`matMul ${B}x${H}x${4 * H} (one step's h U)`, await time(20, () => tf.matMul(h, u)), 2 * B * H * 4 * H);

const cell = new LstmCell({ inputSize: I, hiddenSize: H, seed: 3 });
const weights = Object.values(cell.weightVariables());
console.log(
  `fused runner: ${fusedSequenceRunnerFor(cell, x, {})?.name ?? 'none'}; wasm threads: ${threads ?? 'default'}`,
);
const forward = () => runSequence(cell, x).outputs;
const both = () => {
  const { value, grads } = tf.variableGrads(() => tf.sum(runSequence(cell, x).outputs), [x, ...weights]);
  return [value, Object.values(grads)];
};
row('ours fused forward', await time(quick ? 2 : 5, forward, 2), forwardFlops);
row('ours fused forward+backward', await time(quick ? 2 : 5, both, 2), forwardFlops + backwardFlops);
const before = setFusedSequences(false);
row('ours op-by-op forward', await time(1, forward), forwardFlops);
if (!quick) row('ours op-by-op forward+backward', await time(1, both), forwardFlops + backwardFlops);
setFusedSequences(before);

// Built as the bench's stock case: zero initialisers (tfjs's orthogonal one fails at this size), then seeded.
const settings = { kernelInitializer: 'zeros', recurrentInitializer: 'zeros', recurrentActivation: 'sigmoid' };
const stock = tfl.layers.lstm({ units: H, returnSequences: true, ...settings });
stock.apply(tfl.input({ batchShape: [B, T, I] }));
stock.setWeights(stock.weights.map((weight, k) => tf.randomNormal(weight.shape, 0, 0.05, 'float32', 10 + k)));
const stockWeights = stock.trainableWeights.map((weight) => weight.read());
row('stock tfjs-layers LSTM forward', await time(1, () => stock.apply(x)), forwardFlops);
if (!quick) {
  const stockBoth = () => {
    const { value, grads } = tf.variableGrads(() => tf.sum(stock.apply(x)), [x, ...stockWeights]);
    return [value, Object.values(grads)];
  };
  row('stock tfjs-layers LSTM forward+backward', await time(1, stockBoth), forwardFlops + backwardFlops);
}
const ms = (name) => rows.find((r) => r.name === name)?.ms;
const ratio = (a, b) => (ms(a) !== undefined && ms(b) !== undefined ? (ms(a) / ms(b)).toFixed(3) : 'n/a');
console.log(`fused/stock forward ${ratio('ours fused forward', 'stock tfjs-layers LSTM forward')}`);
console.log(`fused/stock fwd+bwd ${ratio('ours fused forward+backward', 'stock tfjs-layers LSTM forward+backward')}`);
console.log(`fused/op-by-op forward ${ratio('ours fused forward', 'ours op-by-op forward')}`);
const matmul = rows[0].gflops;
console.log(`fused forward GFLOP/s / matMul GFLOP/s ${(rows[2].gflops / matmul).toFixed(2)}`);
