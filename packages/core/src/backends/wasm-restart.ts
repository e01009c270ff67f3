import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';

/**
 * Re-creates the wasm backend when `asked` threads differ from the `current` count it was started
 * with: tfjs reads the thread count only when the module starts. The old module and its workers are
 * disposed (tf.removeBackend), the same factory is registered again at the same priority, and the
 * next `tf.setBackend('wasm')` starts a fresh module (kernels are set up again by tfjs). Tensors on
 * the old module would be lost, so this refuses while any lives there.
 *
 * In plain words: to change how many helpers wasm has, it must start over, with empty hands.
 */
export function recreateWasmIfThreadsDiffer(asked: number | undefined, current: number | undefined): void {
  const engine = tf.engine();
  const backend = engine.registry.wasm;
  const entry = engine.registryFactory.wasm;
  if (asked === undefined || current === undefined || asked === current || !backend || !entry) return;
  const held = backend.numDataIds();
  if (held > 0) {
    throw new ArgumentError(
      'useBackend',
      `expected no tensors on the wasm backend before changing its threads from ${current} to ${asked}, ` +
        `got ${held}; dispose them first, or leave out options.threads to keep ${current}`,
    );
  }
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', entry.factory, entry.priority);
}
