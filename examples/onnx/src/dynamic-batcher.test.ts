import { expect, test } from 'vitest';
import { ArgumentError } from '@baihua/core';
import { DynamicBatcher, QueueFullError, RequestTimeoutError } from './dynamic-batcher.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A runner that records each batch and answers 10 * x after `delayMs`. */
function recordingRunner(delayMs = 0) {
  const batches: number[][] = [];
  const run = async (xs: number[]) => {
    batches.push([...xs]);
    await sleep(delayMs);
    return xs.map((x) => 10 * x);
  };
  return { batches, run };
}

test('requests that arrive together run as one batch, answers in order; a full batch does not wait', async () => {
  const { batches, run } = recordingRunner();
  const batcher = new DynamicBatcher(run, { maxBatchSize: 4, maxWaitMs: 10_000 });
  const answers = await Promise.all([1, 2, 3, 4].map((x) => batcher.submit(x)));
  expect(answers).toEqual([10, 20, 30, 40]);
  expect(batches).toEqual([[1, 2, 3, 4]]); // maxWaitMs is 10 s: only the full batch started it
});

test('batches are cut at maxBatchSize; requests arriving during a batch run next, together', async () => {
  const { batches, run } = recordingRunner(30);
  const batcher = new DynamicBatcher(run, { maxBatchSize: 3, maxWaitMs: 1 });
  const first = [1, 2, 3, 4, 5].map((x) => batcher.submit(x));
  await sleep(10); // [1,2,3] is running, [4,5] waits for it
  const late = [6, 7].map((x) => batcher.submit(x));
  expect(await Promise.all([...first, ...late])).toEqual([10, 20, 30, 40, 50, 60, 70]);
  expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  expect(batcher.batchSizes).toEqual([3, 3, 1]);
});

test('a lone request waits maxWaitMs for company, then runs alone', async () => {
  const { batches, run } = recordingRunner();
  const batcher = new DynamicBatcher(run, { maxBatchSize: 8, maxWaitMs: 40 });
  const started = performance.now();
  expect(await batcher.submit(7)).toBe(70);
  expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  expect(batches).toEqual([[7]]);
});

test('a full queue refuses at once with QueueFullError; the queued requests still get answers', async () => {
  const { run } = recordingRunner(50);
  const batcher = new DynamicBatcher(run, { maxBatchSize: 1, maxWaitMs: 0, maxQueue: 2 });
  const running = batcher.submit(1); // runs at once
  const queued = [batcher.submit(2), batcher.submit(3)];
  await expect(batcher.submit(4)).rejects.toThrow(QueueFullError);
  expect(batcher.queued).toBe(2);
  expect(await Promise.all([running, ...queued])).toEqual([10, 20, 30]);
});

test('a request past its deadline gets RequestTimeoutError, queued or running and leaves the queue', async () => {
  const { batches, run } = recordingRunner(80);
  const batcher = new DynamicBatcher(run, { maxBatchSize: 1, maxWaitMs: 0, timeoutMs: 30 });
  const running = batcher.submit(1);
  const queued = batcher.submit(2);
  await expect(running).rejects.toThrow(RequestTimeoutError);
  await expect(queued).rejects.toThrow(/no answer within 30 ms/);
  expect(batcher.queued).toBe(0);
  await sleep(100);
  expect(batches).toEqual([[1]]); // the timed-out queued request never reached the model
});

test("a runner's error reaches every request of its batch; the next batch runs", async () => {
  let calls = 0;
  const batcher = new DynamicBatcher(
    async (xs: number[]) => {
      calls += 1;
      if (calls === 1) throw new Error('model failed');
      return xs;
    },
    { maxBatchSize: 2, maxWaitMs: 5 },
  );
  const failed = [batcher.submit(1), batcher.submit(2)];
  await expect(failed[0]).rejects.toThrow('model failed');
  await expect(failed[1]).rejects.toThrow('model failed');
  expect(await batcher.submit(3)).toBe(3);
  const short = new DynamicBatcher(async () => [1], { maxBatchSize: 2, maxWaitMs: 5 });
  const both = [short.submit(1), short.submit(2)];
  await expect(both[0]).rejects.toThrow('batch runner: expected 2 outputs, got 1');
  await expect(both[1]).rejects.toThrow('batch runner: expected 2 outputs, got 1');
});

test('bad options are refused by name', () => {
  const run = async (xs: number[]) => xs;
  expect(() => new DynamicBatcher(run, { maxBatchSize: 0 })).toThrow(ArgumentError);
  expect(() => new DynamicBatcher(run, { maxBatchSize: 0 })).toThrow(/DynamicBatcher: .*maxBatchSize/);
  expect(() => new DynamicBatcher(run, { maxWaitMs: -1 })).toThrow(/maxWaitMs/);
  expect(() => new DynamicBatcher(run, { maxQueue: 1.5 })).toThrow(/maxQueue/);
  expect(() => new DynamicBatcher(run, { timeoutMs: 0 })).toThrow(/timeoutMs/);
  expect(() => new DynamicBatcher(run, { maxBatch: 4 } as object)).toThrow(/unknown key 'maxBatch'.*maxBatchSize/);
});
