import { expect, test } from 'vitest';
import { createProgressReporter, formatDuration, formatEpochLine } from './progress-reporter.js';

test('lines mode: one plain line per epoch, no batch output', () => {
  const out: string[] = [];
  const reporter = createProgressReporter({ mode: 'lines', write: (t) => void out.push(t) });
  expect(reporter.wantsBatchLoss).toBe(false);
  reporter.epochBegin(0);
  reporter.batch({ epoch: 0, batch: 0, batches: 10, loss: 1, size: 4 });
  reporter.epoch(0, 2, { loss: 0.5, accuracy: 0.875, learningRate: 0.001, seconds: 1.25 });
  expect(out).toEqual(['epoch 1/2  loss 0.5000  accuracy 87.50%  lr 1.00e-3  (1.3 s)\n']);
});

test('bar mode: the running mean loss of the epoch so far and the time left, from an injected clock', () => {
  const out: string[] = [];
  let clock = 1000;
  const reporter = createProgressReporter({ mode: 'bar', write: (t) => void out.push(t), now: () => clock });
  expect(reporter.wantsBatchLoss).toBe(true);
  reporter.epochBegin(0);
  clock += 500; // first batch: 0.5 s
  reporter.batch({ epoch: 0, batch: 0, batches: 4, loss: 1, size: 2 });
  clock += 1500; // second batch: 2 s in, 2 of 4 done -> 2 s left
  reporter.batch({ epoch: 0, batch: 1, batches: 4, loss: 0.25, size: 6 });
  reporter.epoch(0, 1, { loss: 0.25 });
  // After batch 1: mean 1; after batch 2: (1 * 2 + 0.25 * 6) / 8 = 0.4375, not the last batch's 0.25.
  expect(out[0]).toBe('\repoch 1 [=====>                  ] 1/4  loss 1.0000  eta 2s');
  expect(out[1]).toBe('\repoch 1 [===========>            ] 2/4  loss 0.4375  eta 2s');
  expect(out[2]).toBe('\r\x1b[Kepoch 1/1  loss 0.2500\n');
  // A new epoch starts a new mean and a new clock.
  clock += 10_000;
  reporter.epochBegin(1);
  clock += 100_000;
  reporter.batch({ epoch: 1, batch: 0, batches: 3, loss: 2, size: 1 });
  expect(out[3]).toBe('\repoch 2 [=======>                ] 1/3  loss 2.0000  eta 3:20');
});

test('formatDuration: seconds, minutes, hours', () => {
  expect([0, 0.2, 59, 60, 125, 3725].map(formatDuration)).toEqual(['0s', '1s', '59s', '1:00', '2:05', '1:02:05']);
});

test('none mode prints nothing; auto with a custom writer prints lines; unknown keys are refused', () => {
  const out: string[] = [];
  createProgressReporter({ mode: 'none', write: (t) => void out.push(t) }).epoch(0, 1, { loss: 1 });
  expect(out).toEqual([]);
  const auto = createProgressReporter({ write: (t) => void out.push(t) });
  expect(auto.wantsBatchLoss).toBe(false);
  expect(formatEpochLine(2, 5, { valAccuracy: 0.5 })).toBe('epoch 3/5  valAccuracy 50.00%');
  expect(() => createProgressReporter({ mod: 'bar' } as never)).toThrow(
    /createProgressReporter: unknown key 'mod' in options \(did you mean 'mode'\?/,
  );
  expect(() => createProgressReporter({ mode: 'bars' as never })).toThrow(
    /createProgressReporter: expected mode to be one of 'auto', 'bar', 'lines', 'none', got "bars"/,
  );
});
