import { Agent, request as httpRequest } from 'node:http';

/** One answered request of a load test. */
export interface LoadTestAnswer {
  index: number;
  status: number;
  body: string;
  latencyMs: number;
}

/** What {@link runLoadTest} measured. */
export interface LoadTestResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 200, and requests that failed on the socket. */
  errors: number;
  /** Count per HTTP status (0: no answer). */
  statuses: Record<number, number>;
  answers: LoadTestAnswer[];
}

/**
 * Sends `requests` POSTs to `url`, `concurrency` at a time over kept-alive connections, with
 * `body(i)` as the i-th body, and measures each answer's latency (send to last byte).
 *
 * @example
 * const result = await runLoadTest(`${server.url}/predict`, { requests: 4000, concurrency: 64, body: (i) => json[i] });
 * console.log(formatLoadTest(result));
 *
 * In plain words: many clients at once, a stopwatch on each.
 */
export async function runLoadTest(
  url: string,
  options: { requests: number; concurrency: number; body: (index: number) => string },
): Promise<LoadTestResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const answers: LoadTestAnswer[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.requests) {
      const index = next++;
      answers.push(await post(url, options.body(index), agent, index));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  answers.sort((a, b) => a.index - b.index);
  const latencies = answers.map((answer) => answer.latencyMs).sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const statuses: Record<number, number> = {};
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  return {
    requests: options.requests,
    seconds,
    requestsPerSecond: options.requests / seconds,
    p50Ms: quantile(0.5),
    p99Ms: quantile(0.99),
    errors: answers.filter((answer) => answer.status !== 200).length,
    statuses,
    answers,
  };
}

/** The figures on one line: `4000 requests in 1.52 s: 2632 requests/s, p50 12.1 ms, p99 30.4 ms, 0 errors`. */
export function formatLoadTest(result: LoadTestResult): string {
  return (
    `${result.requests} requests in ${result.seconds.toFixed(2)} s: ${Math.round(result.requestsPerSecond)} ` +
    `requests/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ${result.errors} errors`
  );
}

/** One POST; a socket error is an answer with status 0. */
export function post(url: string, body: string, agent: Agent, index = 0): Promise<LoadTestAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            index,
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            latencyMs: performance.now() - started,
          }),
        );
      },
    );
    request.on('error', (error) =>
      resolve({ index, status: 0, body: String(error), latencyMs: performance.now() - started }),
    );
    request.end(body);
  });
}
