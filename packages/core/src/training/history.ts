/**
 * What `fit` measured, per epoch: `metrics.loss[i]` is epoch i's mean training loss; also
 * `accuracy`, `valLoss`, `valAccuracy` when computed, `learningRate` (at the epoch's last step)
 * and `seconds` (wall time of the epoch). Plot it with `plotHistory`.
 *
 * @example
 * const history = await fit(model, data, { loss, epochs: 5 });
 * history.last('valAccuracy');
 *
 * In plain words: the training diary, one line per epoch.
 */
export class History {
  readonly epochs: number[] = [];
  readonly metrics: Record<string, number[]> = Object.create(null) as Record<string, number[]>;

  /** Appends one epoch's logs. */
  record(epoch: number, logs: Record<string, number>): void {
    this.epochs.push(epoch);
    for (const [name, value] of Object.entries(logs)) {
      this.metrics[name] ??= new Array<number>(this.epochs.length - 1).fill(Number.NaN);
      (this.metrics[name] as number[]).push(value);
    }
    for (const values of Object.values(this.metrics)) if (values.length < this.epochs.length) values.push(Number.NaN);
  }

  /** The values of one metric, epoch by epoch (empty when never recorded). */
  get(name: string): number[] {
    return this.metrics[name] ?? [];
  }

  /** The last recorded value of a metric, or undefined. */
  last(name: string): number | undefined {
    return this.metrics[name]?.at(-1);
  }

  toJSON(): { epochs: number[]; metrics: Record<string, number[]> } {
    return { epochs: [...this.epochs], metrics: { ...this.metrics } };
  }
}
