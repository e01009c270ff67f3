// Serves an exported digit model (e.g. the model.onnx `pnpm start` writes) until interrupted.
// Usage: pnpm serve [--model model.onnx] [--port 8080] [--max-batch 64] [--max-wait 2] [--max-queue 1024]
//                   [--timeout 1000]
import { parseArgs } from 'node:util';
import { startDigitServer } from './digit-server.js';
import { openOrtClassifier } from './ort-classifier.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'model.onnx' },
    port: { type: 'string', default: '8080' },
    'max-batch': { type: 'string', default: '64' },
    'max-wait': { type: 'string', default: '2' },
    'max-queue': { type: 'string', default: '1024' },
    timeout: { type: 'string', default: '1000' },
  },
});
const model = await openOrtClassifier(values.model, [32, 32, 1]);
const server = await startDigitServer(model, {
  port: Number(values.port),
  maxBatchSize: Number(values['max-batch']),
  maxWaitMs: Number(values['max-wait']),
  maxQueue: Number(values['max-queue']),
  timeoutMs: Number(values.timeout),
});
console.log(`serving ${values.model} on ${server.url}/predict (POST {"pixels": [1024 values]}); Ctrl-C stops`);
process.on('SIGINT', () => {
  void server.close().then(() => model.release());
});
