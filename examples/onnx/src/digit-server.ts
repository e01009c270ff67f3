import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamicBatcher, type DynamicBatcherOptions, QueueFullError, RequestTimeoutError } from './dynamic-batcher.js';
import { argMax, type OrtClassifier } from './ort-classifier.js';
import { BadRequestError, parseDigitRequest } from './parse-digit-request.js';

/** Options of {@link startDigitServer}: the batcher's, plus where to listen. */
export interface DigitServerOptions extends DynamicBatcherOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default '127.0.0.1' (loopback only). */
  host?: string;
  /** Largest request body accepted, bytes (larger: 413). Default 65536. */
  maxBodyBytes?: number;
}

/** A running server: its URL, its batcher (for statistics) and how to stop it. */
export interface DigitServer {
  url: string;
  batcher: DynamicBatcher<Float32Array, Float32Array>;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a classifier over HTTP: `POST /predict` with `{"pixels": [...]}` (one example, the
 * model's layout) answers `{"digit", "logits"}`; requests are batched by a {@link DynamicBatcher}.
 * Status codes: 400 malformed body (not JSON, wrong length, non-finite values), 404 unknown path,
 * 405 wrong method, 413 body too large, 503 queue full (with Retry-After), 504 deadline passed,
 * 500 the model failed. `GET /health` answers 200.
 *
 * @example
 * const server = await startDigitServer(await openOrtClassifier('model.onnx', [32, 32, 1]));
 * // curl -d '{"pixels":[...1024 values]}' $URL/predict  ->  {"digit":7,"logits":[...]}
 *
 * In plain words: the exported model behind a small web endpoint that answers crowds in batches.
 */
export async function startDigitServer(model: OrtClassifier, options: DigitServerOptions = {}): Promise<DigitServer> {
  const { port = 0, host = '127.0.0.1', maxBodyBytes = 65536, ...batcherOptions } = options;
  const batcher = new DynamicBatcher((inputs: Float32Array[]) => model.run(inputs), batcherOptions);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.url === '/health' && request.method === 'GET') return send(response, 200, { ok: true });
    if (request.url !== '/predict') return send(response, 404, { error: `no route ${request.url}` });
    if (request.method !== 'POST') return send(response, 405, { error: 'expected POST' });
    const body = await readBody(request, maxBodyBytes);
    if (body === undefined) return send(response, 413, { error: `expected at most ${maxBodyBytes} bytes` });
    try {
      const logits = await batcher.submit(parseDigitRequest(body, model.exampleSize));
      send(response, 200, { digit: argMax(logits), logits: Array.from(logits) });
    } catch (error) {
      if (error instanceof BadRequestError) send(response, 400, { error: error.message });
      else if (error instanceof QueueFullError) send(response, 503, { error: error.message }, { 'retry-after': '1' });
      else if (error instanceof RequestTimeoutError) send(response, 504, { error: error.message });
      else send(response, 500, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    batcher,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The body as text, or undefined once it passes `limit` bytes (the rest is drained, not kept). */
async function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
