import '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { defaultWasmThreads, describeBackends, useBackend } from '@baihua/core';
import { registerFusedSequenceRunner, setFusedSequences } from '@baihua/rnn';
import { afterAll, describe, expect, test } from 'vitest';
import type { BenchCase, BenchSuite } from '../../harness/bench-case.js';
import { runBench } from '../../harness/run-bench.js';
import { anchorTrainingStepCases } from '../models/anchor-training-step.js';
import { anchorMatMulCases } from '../ops/anchor-mat-mul.js';
import { anchorRecurrentCases } from '../ops/anchor-recurrent.js';
import { wasmThreadsMatMulCases } from '../ops/wasm-threads-mat-mul.js';
import { benchSuites } from '../suites.js';
import { prepareOursAnchor } from './anchor-runs.js';
import { anchorCells, anchorSize, sequenceForwardFlops, sequenceTrainingFlops } from './anchor-shape.js';

const tiny = { steps: 3, batch: 2, inputSize: 4, hiddenSize: 5 };
const tinyTiming = { timeMs: 5, iterations: 1, warmupIterations: 0, caseBudgetMs: 1_000 };
const suiteOf = (cases: BenchCase[]): BenchSuite => ({ name: 'ops', description: 'test', cases: () => cases });

afterAll(async () => {
  await useBackend('cpu');
});

describe('anchor FLOP counts', () => {
  test('LSTM at the anchor: 2*T*B*4H*(I+H) GEMM + 17*T*B*H gates; training is 3x', () => {
    const gemm = 2 * 100 * 64 * 1024 * 512;
    expect(sequenceForwardFlops(anchorCells.lstm, anchorSize)).toBe(gemm + 17 * 100 * 64 * 256);
    expect(sequenceForwardFlops(anchorCells.lstm, anchorSize)).toBe(6_738_739_200);
    expect(sequenceTrainingFlops(anchorCells.lstm, anchorSize)).toBe(3 * 6_738_739_200);
  });

  test('the other cells by hand at T3 B2 I4 H5', () => {
    const rowsUnits = 3 * 2 * 5;
    expect(sequenceForwardFlops(anchorCells.gru, tiny)).toBe(2 * 3 * 2 * 15 * 9 + rowsUnits * 14);
    expect(sequenceForwardFlops(anchorCells.elman, tiny)).toBe(2 * 3 * 2 * 5 * 9 + rowsUnits * 3);
    expect(sequenceForwardFlops(anchorCells.peepholeLstm, tiny)).toBe(2 * 3 * 2 * 20 * 9 + rowsUnits * 23);
    expect(sequenceForwardFlops(anchorCells.coupledLstm, tiny)).toBe(2 * 3 * 2 * 15 * 9 + rowsUnits * 15);
  });
});

describe('anchor rows in the suites', () => {
  const ids = (mode: 'quick' | 'full') => benchSuites.flatMap((suite) => suite.cases(mode)).map((c) => c.id);
  const anchor = 'T100 B64 I256 H256';

  test('the quick run keeps LSTM forward (ours, stock, op-by-op) and training step, matMul and threads', () => {
    expect(ids('quick')).toEqual(
      expect.arrayContaining([
        `ops/anchor-lstm-forward/${anchor}/stock`,
        `ops/anchor-lstm-forward/${anchor}/ours`,
        `ops/anchor-lstm-forward/${anchor}-op-by-op/ours`,
        `models/anchor-lstm-train-step/${anchor}/stock`,
        `models/anchor-lstm-train-step/${anchor}/ours`,
        'ops/matMul/6400x256x1024/stock',
        'ops/matMul-threads-1/1024/stock',
        'ops/matMul-threads-all/1024/stock',
      ]),
    );
    const quickAnchor = benchSuites.flatMap((suite) => suite.cases('quick')).filter((c) => c.id.includes(anchor));
    for (const row of quickAnchor) {
      expect(row.skip?.cpu, row.id).toMatch(/wasm only/);
      expect(row.skip?.webgpu, row.id).toMatch(/wasm only/);
      expect(row.skip?.wasm, row.id).toBeUndefined();
      expect(row.timing, row.id).toEqual({ warmupIterations: 0, iterations: 1, timeMs: 0 });
    }
  });

  test('the full run has five cells, forward and fwd+bwd in ops and a training step in models', () => {
    const full = ids('full');
    for (const cell of ['lstm', 'gru', 'peepholeLstm', 'coupledLstm', 'elman']) {
      for (const pass of ['ops/anchor-%-forward', 'ops/anchor-%-backward', 'models/anchor-%-train-step']) {
        expect(full, `${cell} ${pass}`).toContain(`${pass.replace('%', cell)}/${anchor}/ours`);
      }
    }
    expect(full).toContain(`models/anchor-lstm-train-step/${anchor}-op-by-op/ours`);
    expect(full).toContain('ops/matMul-threads-all/2048/stock');
    const fullCases = benchSuites.flatMap((suite) => suite.cases('full'));
    for (const cell of ['peepholeLstm', 'coupledLstm']) {
      expect(full).not.toContain(`ops/anchor-${cell}-forward/${anchor}/stock`);
      const ours = fullCases.find((c) => c.id === `ops/anchor-${cell}-forward/${anchor}/ours`);
      expect(ours?.title).toMatch(/\(no stock peer\)$/);
      expect(ours?.params.stockPeer).toMatch(/^none: tfjs-layers has no/);
    }
    expect(fullCases.find((c) => c.id === `ops/anchor-elman-forward/${anchor}/stock`)?.params.stockPeer).toBe(
      'tf.layers.simpleRNN',
    );
  });
});

describe('anchor rows at a tiny size', () => {
  test('every row runs on cpu and wasm, agrees with cpu, reports GFLOP/s and leaks nothing', async () => {
    const cases = [
      ...anchorRecurrentCases('full', tiny),
      ...anchorTrainingStepCases('full', tiny),
      ...anchorMatMulCases('full', tiny),
    ];
    // ops: 2 passes x (3 stock + 5 ours + LSTM op-by-op); models: the same for the step; one matMul.
    expect(cases).toHaveLength(2 * 9 + 9 + 1);
    const report = await runBench({
      suites: [suiteOf(cases)],
      backends: ['cpu', 'wasm'],
      mode: 'full',
      timing: tinyTiming,
    });
    expect(report.rows).toHaveLength(2 * cases.length);
    for (const row of report.rows) {
      expect(row.status, `${row.caseId} on ${row.backend}: ${row.message ?? ''}`).toBe('ok');
      expect(row.gflops, row.caseId).toBeGreaterThan(0);
      expect(row.memory?.tensorsLeaked, row.caseId).toBe(0);
      expect(row.memory?.tensorsLeakedPerRun, row.caseId).toBe(0);
      if (row.backend === 'wasm') expect(row.correctness?.ok, row.caseId).toBe(true);
    }
  });

  test('the op-by-op row turns the fused runners off for its runs only', async () => {
    await useBackend('cpu');
    let asked = 0;
    registerFusedSequenceRunner('cpu', {
      name: 'counting-test-runner',
      supports: () => {
        asked += 1;
        return false;
      },
      run: () => {
        throw new Error('never chosen');
      },
    });
    for (const [fused, expectAsked] of [
      [true, true],
      [false, false],
    ] as const) {
      const prepared = await prepareOursAnchor('lstm', tiny, 'backward', fused);
      asked = 0;
      tf.dispose(await prepared.run());
      prepared.dispose();
      expect(asked > 0, `fused ${fused}`).toBe(expectAsked);
    }
    expect(setFusedSequences(true)).toBe(true);
  });

  test('the threads rows run matMul on 1 thread, then on the default count, and leave the default', async () => {
    const cases = wasmThreadsMatMulCases('quick', [64]);
    const report = await runBench({ suites: [suiteOf(cases)], backends: ['wasm'], mode: 'quick', timing: tinyTiming });
    expect(report.rows.map((row) => [row.caseId, row.status, row.metrics?.threads])).toEqual([
      ['ops/matMul-threads-1/64/stock', 'ok', 1],
      ['ops/matMul-threads-all/64/stock', 'ok', defaultWasmThreads()],
    ]);
    for (const row of report.rows)
      expect(row.message).toBe('not checked: this case does not run on cpu (threads are a wasm setting)');
    const wasm = (await describeBackends()).backends.find((b) => b.name === 'wasm');
    expect(wasm?.wasm?.threadsCount).toBe(defaultWasmThreads());
  });
});
