// What the loaders say on a platform they cannot work on (found by mutation testing: no test reached
// these refusals). `node:path` is made unavailable (as without process.getBuiltinModule, Node < 20.16,
// but with `node:fs` still there, so that one missing module is enough), and the platform is made to
// look big-endian; every call is refused before it reads or makes anything (`toThrow(error)`
// compares whole messages).
import { expect, test, vi } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';

vi.mock('../backends/runtime.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../backends/runtime.js')>();
  return {
    ...actual,
    nodeBuiltin: <T>(name: string): T | undefined => (name === 'node:path' ? undefined : actual.nodeBuiltin<T>(name)),
  };
});
vi.mock('./serialize-model.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./serialize-model.js')>()),
  isLittleEndian: () => false,
}));

const { deserializeModel, loadModel, readTfjsWeights, saveModel } = await import('./index.js');

const needsNode =
  'needs Node.js >= 20.16 (process.getBuiltinModule); in browsers use serializeModel / deserializeModel';
const bigEndian = 'this platform is big-endian; the weights format is little-endian';

test('saveModel and loadModel without node:path are refused, each naming itself', async () => {
  await expect(saveModel(null as never, 'some/where')).rejects.toThrow(new ArgumentError('saveModel', needsNode));
  await expect(loadModel('some/where')).rejects.toThrow(new ArgumentError('loadModel', needsNode));
});

test('deserializeModel and readTfjsWeights on a big-endian platform are refused', async () => {
  await expect(deserializeModel({ topology: '{}', weights: new ArrayBuffer(0) })).rejects.toThrow(
    new ArgumentError('deserializeModel', bigEndian),
  );
  const read = vi.fn(() => new Uint8Array(4));
  const manifest = [{ paths: ['w.bin'], weights: [{ name: 'w', shape: [1], dtype: 'float32' }] }];
  await expect(readTfjsWeights(manifest, read)).rejects.toThrow(new ArgumentError('readTfjsWeights', bigEndian));
  expect(read).not.toHaveBeenCalled();
});
