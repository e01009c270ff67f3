// The seed's long-memory claim, measured: which cells carry the first symbol of a long sequence?
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--symbols 4] [--distractors 4] [--length 50] [--units 16]
//                   [--epochs 10] [--train 2048] [--test 512] [--batch 64] [--memory-bias 3]
//                   [--cells elman,lstm,peephole,peephole-full,coupled,gru] [--seed 1] [--out results.json]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, type BackendName, type Layer, Sequential, evaluate, fit, useBackend } from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';
import { CoupledLSTM, GRU, LSTM, PeepholeLSTM, SimpleRNN } from '@baihua/rnn';
import { copyFirstData } from './copy-first-task.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    length: { type: 'string', default: '50' },
    units: { type: 'string', default: '16' },
    symbols: { type: 'string', default: '4' },
    distractors: { type: 'string', default: '4' },
    epochs: { type: 'string', default: '10' },
    train: { type: 'string', default: '2048' },
    test: { type: 'string', default: '512' },
    batch: { type: 'string', default: '64' },
    cells: { type: 'string', default: 'elman,lstm,peephole,peephole-full,coupled,gru' },
    seed: { type: 'string', default: '1' },
    'memory-bias': { type: 'string', default: '3' },
    out: { type: 'string' },
  },
});
const [length, units, symbols, distractors, epochs, trainCount, testCount, batchSize, seed] = [
  'length',
  'units',
  'symbols',
  'distractors',
  'epochs',
  'train',
  'test',
  'batch',
  'seed',
].map((k) => Number(values[k as keyof typeof values]));
await useBackend(values.backend as BackendName);

/** The seed's table (LSTM = 100%): parameters and training speed of each variant. */
const seedTable: Record<string, { parameters: string; speed: string }> = {
  elman: { parameters: '-', speed: '-' },
  lstm: { parameters: '100%', speed: 'baseline' },
  peephole: { parameters: '120%', speed: '-15% (slower)' },
  'peephole-full': { parameters: '120%', speed: '-15% (slower)' },
  coupled: { parameters: '85%', speed: '+20% (faster)' },
  gru: { parameters: '70%', speed: '+40% (faster)' },
};
// The same start for every gated cell: carry about sigma(b) of the memory per step (forget-gate bias b;
// for the GRU, whose z weighs the new candidate in the seed's form, update-gate bias -b).
// With Keras' default b = 1 only 0.73^49 ~ 2e-7 of the first step's gradient survives 49 steps.
const memoryBias = Number(values['memory-bias']);
const makers: Record<string, () => Layer> = {
  elman: () => new SimpleRNN({ units }),
  lstm: () => new LSTM({ units, forgetBias: memoryBias }),
  peephole: () => new PeepholeLSTM({ units, forgetBias: memoryBias }),
  'peephole-full': () => new PeepholeLSTM({ units, forgetBias: memoryBias, peephole: 'full' }),
  coupled: () => new CoupledLSTM({ units, forgetBias: memoryBias }),
  gru: () => new GRU({ units, updateBias: -memoryBias }),
};

const train = copyFirstData(
  trainCount as number,
  length as number,
  symbols as number,
  distractors as number,
  (seed as number) * 1000 + 1,
);
const test = copyFirstData(
  testCount as number,
  length as number,
  symbols as number,
  distractors as number,
  (seed as number) * 1000 + 2,
);
const loss = (labels: tf.Tensor, logits: tf.Tensor) => softmaxCrossEntropy(labels, logits);
console.log(
  `copy-first-symbol: ${symbols} symbols then ${distractors} distractor symbols, length ${length}, ` +
    `${trainCount} train / ${testCount} test, ${units} units, ${epochs} epochs of batch ${batchSize}, ` +
    `Adam 0.01, clipNorm 1, memory bias ${memoryBias}, backend ${tf.getBackend()} ` +
    `(chance ${(100 / (symbols as number)).toFixed(0)}%)`,
);

interface Row {
  cell: string;
  parameters: number;
  secondsPerEpoch: number;
  trainAccuracy: number;
  testAccuracy: number;
  epochsTo90: number | null;
}
const rows: Row[] = [];
for (const name of (values.cells as string).split(',')) {
  const make = makers[name];
  if (!make) throw new Error(`unknown cell '${name}' (known: ${Object.keys(makers).join(', ')})`);
  const recurrent = make();
  const model = new Sequential({ seed: seed as number, layers: [recurrent, new Dense({ units: symbols as number })] });
  const optimizer = new Adam({ learningRate: 0.01 });
  const history = await fit(model, train, {
    loss,
    metrics: ['accuracy'],
    optimizer,
    epochs,
    batchSize,
    clipNorm: 1,
    seed,
    progress: 'none',
  });
  const result = await evaluate(model, test, { loss, metrics: ['accuracy'] });
  const seconds = history.get('seconds');
  const accuracy = history.get('accuracy');
  const firstGood = accuracy.findIndex((a) => a >= 0.9);
  const row: Row = {
    cell: name,
    parameters: recurrent.countParams(),
    // The first epoch also compiles kernels (webgpu) and warms the allocator: leave it out.
    secondsPerEpoch: seconds.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, seconds.length - 1),
    trainAccuracy: accuracy.at(-1) ?? Number.NaN,
    testAccuracy: result.accuracy ?? Number.NaN,
    epochsTo90: firstGood < 0 ? null : firstGood + 1,
  };
  rows.push(row);
  console.log(
    `${name.padEnd(9)} params ${String(row.parameters).padStart(5)}  ${row.secondsPerEpoch.toFixed(2)} s/epoch  ` +
      `train ${(100 * row.trainAccuracy).toFixed(1)}%  test ${(100 * row.testAccuracy).toFixed(1)}%  ` +
      `90% train accuracy at epoch ${row.epochsTo90 ?? 'never'}`,
  );
  optimizer.dispose();
  model.dispose();
}

const lstm = rows.find((r) => r.cell === 'lstm');
const percent = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(0)}%`;
const lines = [
  '| cell | parameters (measured, % of LSTM) | seed: parameters | time per epoch (measured, vs LSTM) | ' +
    'seed: speed | test accuracy | epochs to 90% train |',
  `|---|---|---|---|---|---|---|`,
  ...rows.map((r) => {
    const share = lstm ? `${((100 * r.parameters) / lstm.parameters).toFixed(0)}%` : '-';
    const speed = lstm
      ? r === lstm
        ? 'baseline'
        : `${percent(100 * (lstm.secondsPerEpoch / r.secondsPerEpoch - 1))} speed`
      : '-';
    const claim = seedTable[r.cell];
    return (
      `| ${r.cell} | ${r.parameters} (${share}) | ${claim?.parameters} | ` +
      `${r.secondsPerEpoch.toFixed(2)} s (${speed}) | ${claim?.speed} | ` +
      `${(100 * r.testAccuracy).toFixed(1)}% | ${r.epochsTo90 ?? 'never'} |`
    );
  }),
];
console.log(`\n${lines.join('\n')}`);
if (values.out)
  writeFileSync(
    values.out,
    JSON.stringify(
      {
        backend: tf.getBackend(),
        memoryBias,
        length,
        units,
        symbols,
        distractors,
        epochs,
        trainCount,
        testCount,
        batchSize,
        seed,
        rows,
      },
      null,
      2,
    ),
  );
tf.dispose([train.x, train.y, test.x, test.y]);
