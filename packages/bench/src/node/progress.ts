import type { BenchProgress } from '../harness/run-bench.js';

/**
 * Reports progress on stderr: a redrawn bar on a TTY, one plain line per finished row otherwise
 * (so logs and CI output stay readable).
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): (progress: BenchProgress) => void {
  const started = Date.now();
  const tty = stream.isTTY === true;
  return (progress) => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    if (tty) {
      const width = 24;
      const filled = progress.total > 0 ? Math.round((progress.done / progress.total) * width) : width;
      const label = progress.next
        ? `${progress.next.title} [${progress.next.backend}]`
        : progress.done >= progress.total
          ? 'done'
          : '';
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      const line = `${bar} ${progress.done}/${progress.total} ${elapsed}s ${label}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
      if (progress.done >= progress.total && !progress.next && !progress.row) stream.write('\n');
    } else if (progress.row) {
      const row = progress.row;
      const median = row.warm ? `${row.warm.median.toPrecision(3)} ms` : row.status;
      const status = row.status === 'ok' ? '' : ` (${row.status})`;
      stream.write(`${elapsed}s ${progress.done}/${progress.total} ${row.title} [${row.backend}] ${median}${status}\n`);
    }
  };
}
