// Time per training step and per forward pass of each cell, interleaved round-robin so that a
// shared machine's changing load falls on every cell alike. Reports medians.
// Usage: node --import tsx src/time-cells.ts [--backend wasm|cpu|webgpu] [--length 50] [--units 16] [--batch 64]
//        [--rounds 7]
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, type BackendName, type Layer, Sequential, useBackend } from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';
import { CoupledLSTM, GRU, LSTM, PeepholeLSTM, SimpleRNN } from '@baihua/rnn';
import { copyFirstData } from './copy-first-task.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    length: { type: 'string', default: '50' },
    units: { type: 'string', default: '16' },
    batch: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '7' },
  },
});
const [length, units, batch, rounds] = ['length', 'units', 'batch', 'rounds'].map((k) =>
  Number(values[k as keyof typeof values]),
) as [number, number, number, number];
await useBackend(values.backend as BackendName);
const makers: Record<string, () => Layer> = {
  elman: () => new SimpleRNN({ units }),
  lstm: () => new LSTM({ units }),
  peephole: () => new PeepholeLSTM({ units }),
  'peephole-full': () => new PeepholeLSTM({ units, peephole: 'full' }),
  coupled: () => new CoupledLSTM({ units }),
  gru: () => new GRU({ units }),
};
const data = copyFirstData(batch, length, 4, 4, 7);
const cells = Object.entries(makers).map(([name, make]) => {
  const recurrent = make();
  const model = new Sequential({ seed: 1, layers: [recurrent, new Dense({ units: 4 })] });
  model.apply(tf.tidy(() => tf.zeros([1, length, 8]))).dispose();
  return {
    name,
    recurrent,
    model,
    optimizer: new Adam({ learningRate: 0.01 }),
    step: [] as number[],
    forward: [] as number[],
  };
});

async function trainStep(cell: (typeof cells)[number]): Promise<void> {
  const variables = cell.model.trainableWeights().map((w) => w.variable);
  const { value, grads } = tf.variableGrads(
    () => softmaxCrossEntropy(data.y, cell.model.apply(data.x, { training: true })),
    variables,
  );
  cell.optimizer.applyGradients(
    variables.map((variable) => ({ variable, gradient: grads[variable.name] as tf.Tensor })),
  );
  await value.data();
  tf.dispose([value, Object.values(grads)]);
}

async function forward(cell: (typeof cells)[number]): Promise<void> {
  const y = cell.model.apply(data.x);
  await y.data();
  y.dispose();
}

for (const cell of cells) {
  await trainStep(cell); // warm-up: kernels, allocator
  await forward(cell);
}
for (let round = 0; round < rounds; round++) {
  const order = [...cells.slice(round % cells.length), ...cells.slice(0, round % cells.length)];
  for (const cell of order) {
    let started = performance.now();
    await trainStep(cell);
    cell.step.push(performance.now() - started);
    started = performance.now();
    await forward(cell);
    cell.forward.push(performance.now() - started);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const lstm = cells.find((c) => c.name === 'lstm') as (typeof cells)[number];
console.log(
  `per batch of ${batch} x ${length} steps, ${units} units, backend ${tf.getBackend()}, ` +
    `median of ${rounds} interleaved rounds`,
);
console.log('| cell | parameters | training step (fwd + bwd + Adam) | speed vs LSTM | forward | forward vs LSTM |');
console.log('|---|---|---|---|---|---|');
for (const c of cells) {
  const speed = (m: number, base: number) =>
    c === lstm ? 'baseline' : `${m < base ? '+' : ''}${(100 * (base / m - 1)).toFixed(0)}%`;
  console.log(
    `| ${c.name} | ${c.recurrent.countParams()} | ${median(c.step).toFixed(1)} ms | ` +
      `${speed(median(c.step), median(lstm.step))} | ${median(c.forward).toFixed(1)} ms | ` +
      `${speed(median(c.forward), median(lstm.forward))} |`,
  );
  c.optimizer.dispose();
  c.model.dispose();
}
tf.dispose([data.x, data.y]);
