import { assertKnownOptions, assertNonNegative, assertPositiveInteger } from '@baihua/core';

/** Runs one batch: one output per input, in the same order. */
export type BatchRunner<Input, Output> = (inputs: Input[]) => Promise<Output[]>;

/** Options of {@link DynamicBatcher}. */
export interface DynamicBatcherOptions {
  /** Most requests run together in one batch. Default 64. */
  maxBatchSize?: number;
  /** Longest a request waits for others to join its batch, ms. Default 2. */
  maxWaitMs?: number;
  /** Most requests waiting (not yet running); one more is refused with QueueFullError. Default 1024. */
  maxQueue?: number;
  /** Longest a request may take from submit to answer, ms; then it fails with RequestTimeoutError. Default 1000. */
  timeoutMs?: number;
}

/** The queue already holds `maxQueue` requests: the caller should retry later (HTTP 503). */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

/** The request was not answered within `timeoutMs` (HTTP 504). */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
}

interface Pending<Input, Output> {
  input: Input;
  settled: boolean;
  timer: ReturnType<typeof setTimeout>;
  resolve(output: Output): void;
  reject(error: Error): void;
}

/**
 * Gathers single requests into batches for a model: a batch starts when `maxBatchSize` requests
 * wait, or `maxWaitMs` after the first of them arrived, or at once when the previous batch ends
 * with requests waiting. One batch runs at a time (the runtime uses every core for it). The queue
 * is bounded and every request has a deadline, so an overloaded server answers fast instead of late.
 *
 * @example
 * const batcher = new DynamicBatcher(async (xs: number[]) => xs.map((x) => 2 * x), { maxBatchSize: 8 });
 * await batcher.submit(21); // 42
 *
 * In plain words: many small questions answered together, one model call per crowd.
 */
export class DynamicBatcher<Input, Output> {
  readonly maxBatchSize: number;
  readonly maxWaitMs: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  /** Sizes of the batches run so far (for the load test's report). */
  readonly batchSizes: number[] = [];
  private readonly queue: Pending<Input, Output>[] = [];
  private running = false;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly runBatch: BatchRunner<Input, Output>,
    options: DynamicBatcherOptions = {},
  ) {
    assertKnownOptions('DynamicBatcher', 'options', options, ['maxBatchSize', 'maxWaitMs', 'maxQueue', 'timeoutMs']);
    const { maxBatchSize = 64, maxWaitMs = 2, maxQueue = 1024, timeoutMs = 1000 } = options;
    assertPositiveInteger('DynamicBatcher', 'maxBatchSize', maxBatchSize);
    assertNonNegative('DynamicBatcher', 'maxWaitMs', maxWaitMs);
    assertPositiveInteger('DynamicBatcher', 'maxQueue', maxQueue);
    assertPositiveInteger('DynamicBatcher', 'timeoutMs', timeoutMs);
    this.maxBatchSize = maxBatchSize;
    this.maxWaitMs = maxWaitMs;
    this.maxQueue = maxQueue;
    this.timeoutMs = timeoutMs;
  }

  /** Requests waiting for a batch (not counting the one running). */
  get queued(): number {
    return this.queue.length;
  }

  /** Queues one input: resolves with its output, or rejects with QueueFullError, RequestTimeoutError or the
   * runner's error. */
  submit(input: Input): Promise<Output> {
    if (this.queue.length >= this.maxQueue)
      return Promise.reject(new QueueFullError(`queue full: ${this.queue.length} requests waiting`));
    return new Promise<Output>((resolve, reject) => {
      const pending: Pending<Input, Output> = {
        input,
        settled: false,
        resolve: (output) => settle(() => resolve(output)),
        reject: (error) => settle(() => reject(error)),
        timer: setTimeout(() => {
          const at = this.queue.indexOf(pending);
          if (at >= 0) this.queue.splice(at, 1);
          pending.reject(new RequestTimeoutError(`no answer within ${this.timeoutMs} ms`));
        }, this.timeoutMs),
      };
      const settle = (finish: () => void) => {
        if (pending.settled) return;
        pending.settled = true;
        clearTimeout(pending.timer);
        finish();
      };
      this.queue.push(pending);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.queue.length === 0) return;
    if (this.queue.length >= this.maxBatchSize || this.maxWaitMs === 0) {
      this.flush();
    } else if (this.waitTimer === undefined) {
      this.waitTimer = setTimeout(() => this.flush(), this.maxWaitMs);
    }
  }

  private flush(): void {
    clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
    if (this.running || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatchSize);
    this.running = true;
    this.batchSizes.push(batch.length);
    this.runBatch(batch.map((pending) => pending.input))
      .then((outputs) => {
        if (outputs.length !== batch.length)
          throw new Error(`batch runner: expected ${batch.length} outputs, got ${outputs.length}`);
        batch.forEach((pending, i) => pending.resolve(outputs[i] as Output));
      })
      .catch((error: unknown) => {
        for (const pending of batch) pending.reject(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => {
        this.running = false;
        // Requests that arrived meanwhile have waited long enough: run them now.
        if (this.queue.length > 0) this.flush();
      });
  }
}
