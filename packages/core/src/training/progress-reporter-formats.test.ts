// The progress reporter's texts written out by hand for the cases the first tests left open: a
// stream's first epoch (length unknown), a batch without a loss, a bar not yet started, 'auto' on a
// terminal, the default writer, and durations at each unit's boundary.
import { afterEach, expect, test, vi } from 'vitest';
import { createProgressReporter, formatDuration, formatEpochLine } from './progress-reporter.js';

afterEach(() => {
  vi.restoreAllMocks();
});

test('formatDuration: rounds up to whole seconds, never below 0s, at each unit boundary', () => {
  expect([-5, 0.01, 59.5, 59.999, 60.5, 599, 3599, 3600, 3601, 36_000].map(formatDuration)).toEqual([
    '0s',
    '1s',
    '1:00',
    '1:00',
    '1:01',
    '9:59',
    '59:59',
    '1:00:00',
    '1:00:01',
    '10:00:00',
  ]);
});

test('formatEpochLine: losses to 4 places, accuracies in percent, lr and seconds at the end in that order', () => {
  const logs = { seconds: 12.34, learningRate: 0.00025, valAccuracy: 0.5, loss: 1.23456, valLoss: 2 };
  expect(formatEpochLine(9, 10, logs)).toBe(
    'epoch 10/10  valAccuracy 50.00%  loss 1.2346  valLoss 2.0000  lr 2.50e-4  (12.3 s)',
  );
  expect(formatEpochLine(0, 1, { seconds: 0.04 })).toBe('epoch 1/1  (0.0 s)');
  expect(formatEpochLine(0, 1, { learningRate: 2 })).toBe('epoch 1/1  lr 2.00e+0');
  expect(formatEpochLine(0, 3, {})).toBe('epoch 1/3');
});

test("bar mode while the epoch's length is unknown: the batch count, the mean so far and the time so far", () => {
  const out: string[] = [];
  let clock = 0;
  const reporter = createProgressReporter({ mode: 'bar', write: (t) => void out.push(t), now: () => clock });
  reporter.epochBegin(2);
  clock = 65_000;
  reporter.batch({ epoch: 2, batch: 0, batches: undefined, loss: undefined, size: 4 });
  reporter.batch({ epoch: 2, batch: 1, batches: undefined, loss: 0.5, size: 4 });
  reporter.batch({ epoch: 2, batch: 2, batches: undefined, loss: 2, size: 12 });
  expect(out).toEqual([
    '\repoch 3 batch 1  1:05 so far',
    '\repoch 3 batch 2  loss 0.5000  1:05 so far',
    '\repoch 3 batch 3  loss 1.6250  1:05 so far', // (0.5 * 4 + 2 * 12) / 16
  ]);
});

test('bar mode: an empty bar before the first mark, a full one at the end, no loss when none was read', () => {
  const out: string[] = [];
  let clock = 0;
  const reporter = createProgressReporter({ mode: 'bar', write: (t) => void out.push(t), now: () => clock });
  reporter.epochBegin(0);
  clock = 1000;
  reporter.batch({ epoch: 0, batch: 0, batches: 100, loss: undefined, size: 1 }); // 1/100 of 24 rounds to 0
  reporter.batch({ epoch: 0, batch: 1, batches: 48, loss: undefined, size: 1 }); // 2/48 of 24 = 1: just '>'
  clock = 4000;
  reporter.batch({ epoch: 0, batch: 3, batches: 4, loss: undefined, size: 1 });
  expect(out).toEqual([
    `\repoch 1 [${' '.repeat(24)}] 1/100  eta 1:39`,
    `\repoch 1 [>${' '.repeat(23)}] 2/48  eta 23s`,
    `\repoch 1 [${'='.repeat(23)}>] 4/4  eta 0s`,
  ]);
});

test("'auto' draws a bar on a terminal when no writer is given, and writes to process.stdout by default", () => {
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    written.push(String(text));
    return true;
  });
  const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
  try {
    const auto = createProgressReporter();
    expect(auto.wantsBatchLoss).toBe(true);
    auto.epoch(0, 1, { loss: 1 });
    const withWriter = createProgressReporter({ write: () => {} });
    expect(withWriter.wantsBatchLoss).toBe(false);
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    const lines = createProgressReporter({ mode: 'auto' });
    expect(lines.wantsBatchLoss).toBe(false);
    lines.epoch(1, 2, { loss: 0.5 });
    lines.batch({ epoch: 1, batch: 0, batches: 1, loss: 1, size: 1 });
    lines.epochBegin(1);
    createProgressReporter({ mode: 'none' }).epoch(0, 1, { loss: 1 });
  } finally {
    if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
  }
  expect(written).toEqual(['\r\x1b[Kepoch 1/1  loss 1.0000\n', 'epoch 2/2  loss 0.5000\n']);
});

test('bad options: not an object, an unknown mode', () => {
  expect(() => createProgressReporter(null as never)).toThrow(
    'createProgressReporter: expected options to be an object, got null',
  );
  expect(() => createProgressReporter({ mode: 'Bar' as never })).toThrow(
    `createProgressReporter: expected mode to be one of 'auto', 'bar', 'lines', 'none', got "Bar"`,
  );
});
