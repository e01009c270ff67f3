import { Agent } from 'node:http';
import { afterAll, expect, test } from 'vitest';
import type { OrtClassifier } from './ort-classifier.js';
import { startDigitServer } from './digit-server.js';
import { post } from './load-test.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stand-in model: logits [x0, 2 x0] per example after `delayMs`, so answers can be checked. */
function fakeModel(delayMs: number, exampleSize = 4): OrtClassifier & { batches: number[] } {
  const batches: number[] = [];
  return {
    exampleShape: [exampleSize],
    exampleSize,
    batches,
    async run(examples) {
      batches.push(examples.length);
      await sleep(delayMs);
      return examples.map((x) => Float32Array.of(x[0] as number, 2 * (x[0] as number)));
    },
    release: async () => {},
  };
}

const agent = new Agent({ keepAlive: true });
afterAll(() => agent.destroy());

test('malformed requests get 400 with the reason, and never reach the model; other routes 404, 405, 413', async () => {
  const model = fakeModel(0);
  const server = await startDigitServer(model, { maxBodyBytes: 1000 });
  try {
    const url = `${server.url}/predict`;
    const cases: [string, number, RegExp][] = [
      ['{"pixels": [1, 2, 3', 400, /expected a JSON body/],
      ['[1, 2, 3, 4]', 400, /expected an object \{"pixels"/],
      ['{"image": [1, 2, 3, 4]}', 400, /expected an object \{"pixels"/],
      ['{"pixels": [1, 2, 3]}', 400, /expected 4 pixels, got 3/],
      ['{"pixels": [1, 2, 3, 4, 5]}', 400, /expected 4 pixels, got 5/],
      ['{"pixels": [1, 1e999, 3, 4]}', 400, /got Infinity at pixel 1/],
      ['{"pixels": [1, 2, "3", 4]}', 400, /got "3" at pixel 2/],
      ['{"pixels": [1, 2, 3, null]}', 400, /got null at pixel 3/],
      [`{"pixels": [${'0,'.repeat(600)}0]}`, 413, /at most 1000 bytes/],
    ];
    for (const [body, status, message] of cases) {
      const answer = await post(url, body, agent);
      expect([answer.status, JSON.parse(answer.body).error]).toEqual([status, expect.stringMatching(message)]);
    }
    expect(model.batches).toEqual([]);
    expect((await post(`${server.url}/other`, '{}', agent)).status).toBe(404);
    const ok = await post(url, '{"pixels": [3, 0, 0, 0]}', agent);
    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, { digit: 1, logits: [3, 6] }]);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  } finally {
    await server.close();
  }
});

test('overload: a bounded queue answers 503 at once, a request past its deadline 504; then it recovers', async () => {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const model = fakeModel(0);
  const gated: OrtClassifier = {
    ...model,
    run: async (examples) => {
      await gate;
      return model.run(examples);
    },
  };
  const server = await startDigitServer(gated, { maxBatchSize: 2, maxWaitMs: 0, maxQueue: 4, timeoutMs: 400 });
  const url = `${server.url}/predict`;
  const body = (i: number) => JSON.stringify({ pixels: [i, 0, 0, 0] });
  try {
    const running = post(url, body(1), agent); // the model holds it until the gate opens
    await sleep(50);
    const queued = [2, 3, 4, 5].map((i) => post(url, body(i), agent)); // fills the queue of 4
    await sleep(50);
    const refused = await Promise.all([6, 7, 8].map((i) => post(url, body(i), agent)));
    expect(refused.map((answer) => answer.status)).toEqual([503, 503, 503]);
    expect(JSON.parse(refused[0]?.body ?? '').error).toBe('queue full: 4 requests waiting');
    for (const answer of refused) expect(answer.latencyMs).toBeLessThan(300); // not held until a deadline
    const late = await Promise.all([running, ...queued]);
    expect(late.map((answer) => answer.status)).toEqual([504, 504, 504, 504, 504]);
    expect(JSON.parse(late[0]?.body ?? '').error).toBe('no answer within 400 ms');
    open();
    const ok = await post(url, body(9), agent);
    expect([ok.status, JSON.parse(ok.body).logits]).toEqual([200, [9, 18]]);
  } finally {
    open();
    await server.close();
  }
});
