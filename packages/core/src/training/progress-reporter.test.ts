import { expect, test } from 'vitest';
import { createProgressReporter, formatEpochLine } from './progress-reporter.js';

test('lines mode: one plain line per epoch, no batch output', () => {
  const out: string[] = [];
  const reporter = createProgressReporter('lines', (t) => void out.push(t));
  expect(reporter.wantsBatchLoss).toBe(false);
  reporter.batch(0, 0, 10, 1);
  reporter.epoch(0, 2, { loss: 0.5, accuracy: 0.875, learningRate: 0.001, seconds: 1.25 });
  expect(out).toEqual(['epoch 1/2  loss 0.5000  accuracy 87.50%  lr 1.00e-3  (1.3 s)\n']);
});

test('bar mode: redraws one line with a carriage return, then the epoch line', () => {
  const out: string[] = [];
  const reporter = createProgressReporter('bar', (t) => void out.push(t));
  expect(reporter.wantsBatchLoss).toBe(true);
  reporter.batch(0, 11, 24, 0.25);
  reporter.epoch(0, 1, { loss: 0.25 });
  expect(out[0]).toBe('\repoch 1 [===========>            ] 12/24  loss 0.2500');
  expect(out[1]).toBe('\r\x1b[Kepoch 1/1  loss 0.2500\n');
});

test('none mode prints nothing; auto with a custom writer prints lines', () => {
  const out: string[] = [];
  createProgressReporter('none', (t) => void out.push(t)).epoch(0, 1, { loss: 1 });
  expect(out).toEqual([]);
  const auto = createProgressReporter('auto', (t) => void out.push(t));
  expect(auto.wantsBatchLoss).toBe(false);
  expect(formatEpochLine(2, 5, { valAccuracy: 0.5 })).toBe('epoch 3/5  valAccuracy 50.00%');
});
