import { assertKnownOptions } from '../checks/option-keys.js';
import { assertOneOf } from '../checks/value-checks.js';
import type { EpochLogs } from './callbacks.js';

/** How `fit` reports progress: 'auto' (a bar on a terminal, plain lines otherwise), 'bar', 'lines' or 'none'. */
export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

/** One finished batch, as `fit` tells the reporter. */
export interface BatchProgress {
  epoch: number;
  /** 0-based batch within the epoch. */
  batch: number;
  /** Batches in the epoch; undefined while unknown (the first epoch of a stream without stepsPerEpoch). */
  batches: number | undefined;
  /** The batch's mean loss, when it was read (undefined when nothing asked for it). */
  loss: number | undefined;
  /** Rows in the batch (weights the running mean). */
  size: number;
}

/** Receives progress from `fit`. */
export interface ProgressReporter {
  /** True when the reporter wants each batch's loss (it costs one device read per batch). */
  readonly wantsBatchLoss: boolean;
  epochBegin(epoch: number): void;
  batch(progress: BatchProgress): void;
  epoch(epoch: number, epochs: number, logs: EpochLogs): void;
}

/** Options of {@link createProgressReporter}. */
export interface ProgressReporterOptions {
  /** Default 'auto'. */
  mode?: ProgressMode;
  /** Where the text goes. Default process.stdout.write (console.log where there is no process). */
  write?: (text: string) => void;
  /** Clock in milliseconds for the time-remaining estimate. Default performance.now. */
  now?: () => number;
}

/**
 * Formats an epoch's logs: `epoch 3/10  loss 0.2345  accuracy 93.12%  valLoss 0.2801  valAccuracy 91.50%  (4.2 s)`.
 * @example formatEpochLine(0, 2, { loss: 0.5 }); // 'epoch 1/2  loss 0.5000'
 * In plain words: one line of the training diary.
 */
export function formatEpochLine(epoch: number, epochs: number, logs: EpochLogs): string {
  const parts = [`epoch ${epoch + 1}/${epochs}`];
  for (const [name, value] of Object.entries(logs)) {
    if (name === 'seconds' || name === 'learningRate') continue;
    parts.push(/ccuracy/.test(name) ? `${name} ${(100 * value).toFixed(2)}%` : `${name} ${value.toFixed(4)}`);
  }
  if (logs.learningRate !== undefined) parts.push(`lr ${logs.learningRate.toExponential(2)}`);
  if (logs.seconds !== undefined) parts.push(`(${logs.seconds.toFixed(1)} s)`);
  return parts.join('  ');
}

/** Seconds as `7s`, `2:05` or `1:02:05`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole}s`;
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * Makes the reporter for a mode. 'bar' redraws one line with `\r` after every batch, showing the
 * mean loss of the epoch so far (weighted by batch size) and the epoch's time remaining
 * (elapsed / batches done x batches left; while the epoch's length is unknown, the first epoch of a
 * stream, the batch count and the time so far instead of a bar); 'lines' prints one line per epoch;
 * 'none' prints nothing.
 *
 * @example
 * const reporter = createProgressReporter({ mode: 'bar', write: (text) => process.stderr.write(text) });
 *
 * In plain words: how far along training is, and how long the wait.
 */
export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressReporter {
  assertKnownOptions('createProgressReporter', 'options', options, ['mode', 'write', 'now']);
  const { mode = 'auto', write, now = () => performance.now() } = options;
  assertOneOf('createProgressReporter', 'mode', mode, ['auto', 'bar', 'lines', 'none']);
  const stdout = typeof process !== 'undefined' ? process.stdout : undefined;
  const out =
    write ??
    (stdout ? (text: string) => void stdout.write(text) : (text: string) => console.log(text.replace(/\n$/, '')));
  const resolved = mode === 'auto' ? (stdout?.isTTY && write === undefined ? 'bar' : 'lines') : mode;
  const line = (e: number, n: number, logs: EpochLogs) => out(`${formatEpochLine(e, n, logs)}\n`);
  if (resolved === 'none') return { wantsBatchLoss: false, epochBegin() {}, batch() {}, epoch() {} };
  if (resolved === 'lines') return { wantsBatchLoss: false, epochBegin() {}, batch() {}, epoch: line };
  const width = 24;
  let started = now();
  let lossSum = 0;
  let rows = 0;
  return {
    wantsBatchLoss: true,
    epochBegin() {
      started = now();
      lossSum = 0;
      rows = 0;
    },
    batch({ epoch, batch, batches, loss, size }) {
      if (loss !== undefined) [lossSum, rows] = [lossSum + loss * size, rows + size];
      const mean = rows > 0 ? `  loss ${(lossSum / rows).toFixed(4)}` : '';
      if (batches === undefined) {
        out(`\repoch ${epoch + 1} batch ${batch + 1}${mean}  ${formatDuration((now() - started) / 1000)} so far`);
        return;
      }
      const done = Math.round(((batch + 1) / batches) * width);
      const bar = `${'='.repeat(Math.max(0, done - 1))}${done > 0 ? '>' : ''}${' '.repeat(width - done)}`;
      const left = ((now() - started) / 1000 / (batch + 1)) * (batches - batch - 1);
      out(`\repoch ${epoch + 1} [${bar}] ${batch + 1}/${batches}${mean}  eta ${formatDuration(left)}`);
    },
    epoch: (e, n, logs) => out(`\r\x1b[K${formatEpochLine(e, n, logs)}\n`),
  };
}
