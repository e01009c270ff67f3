import type { EpochLogs } from './callbacks.js';

/** How `fit` reports progress: 'auto' (a bar on a terminal, plain lines otherwise), 'bar', 'lines' or 'none'. */
export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

/** Receives progress text; `fit` writes to process.stdout by default. */
export interface ProgressReporter {
  /** True when the reporter wants each batch's loss (it costs one device read per batch). */
  readonly wantsBatchLoss: boolean;
  batch(epoch: number, batch: number, batches: number, loss: number | undefined): void;
  epoch(epoch: number, epochs: number, logs: EpochLogs): void;
}

/**
 * Formats an epoch's logs: `epoch 3/10  loss 0.2345  accuracy 93.12%  valLoss 0.2801  valAccuracy 91.50%  (4.2 s)`.
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

/**
 * Makes the reporter for a mode. 'bar' redraws one line with `\r` after every batch; 'lines'
 * prints one line per epoch; 'none' prints nothing. `write` defaults to process.stdout.write
 * (console.log where there is no process).
 */
export function createProgressReporter(mode: ProgressMode, write?: (text: string) => void): ProgressReporter {
  const stdout = typeof process !== 'undefined' ? process.stdout : undefined;
  const out =
    write ??
    (stdout ? (text: string) => void stdout.write(text) : (text: string) => console.log(text.replace(/\n$/, '')));
  const resolved = mode === 'auto' ? (stdout?.isTTY && write === undefined ? 'bar' : 'lines') : mode;
  if (resolved === 'none') return { wantsBatchLoss: false, batch() {}, epoch() {} };
  if (resolved === 'lines')
    return { wantsBatchLoss: false, batch() {}, epoch: (e, n, logs) => out(`${formatEpochLine(e, n, logs)}\n`) };
  const width = 24;
  return {
    wantsBatchLoss: true,
    batch(epoch, batch, batches, loss) {
      const done = Math.round(((batch + 1) / batches) * width);
      const bar = `${'='.repeat(Math.max(0, done - 1))}${done > 0 ? '>' : ''}${' '.repeat(width - done)}`;
      out(
        `\repoch ${epoch + 1} [${bar}] ${batch + 1}/${batches}${loss === undefined ? '' : `  loss ${loss.toFixed(4)}`}`,
      );
    },
    epoch: (e, n, logs) => out(`\r\x1b[K${formatEpochLine(e, n, logs)}\n`),
  };
}
