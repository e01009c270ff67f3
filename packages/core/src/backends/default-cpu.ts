// Side effect of importing @baihua/core (through use-backend.ts): tfjs has a backend before any
// useBackend call, as with the tfjs umbrella package, and the cpu backend starts quietly.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';

/**
 * Registers tfjs-backend-cpu (a required peer dependency) so that `tf.tensor(...)` works right
 * after `import '@baihua/core'`: tfjs picks the registered backend of highest priority on first
 * use, and cpu (priority 1) is then the only one; `useBackend('wasm')` or 'webgpu' switches later.
 *
 * It also keeps the cpu backend from printing tfjs's "Hi, looks like you are running TensorFlow.js
 * in Node.js ... install our node backend" banner: tfjs-backend-cpu prints it on its first tensor
 * when IS_NODE, unless the global IS_TEST or PROD flags are set, which would also silence every
 * other tfjs warning (PROD even turns checks off). Instead the factory is wrapped so that each new
 * cpu backend starts with its `firstUse` flag (4.22, backend_cpu.ts) already spent; nothing else
 * changes. A cpu backend that already exists (someone used tfjs before importing us) is left alone.
 *
 * In plain words: the calculator is switched on, and it does not greet you in the console.
 */
export function installQuietDefaultCpu(): void {
  const factory = tf.findBackendFactory('cpu');
  if (!factory || tf.engine().registry.cpu !== undefined || isQuiet(factory)) return;
  const quiet = () => {
    const backend = factory();
    if (backend && typeof backend === 'object' && 'firstUse' in backend) {
      (backend as { firstUse: boolean }).firstUse = false;
    }
    return backend;
  };
  Object.defineProperty(quiet, quietMarker, { value: true });
  tf.removeBackend('cpu');
  tf.registerBackend('cpu', quiet as () => tf.KernelBackend, 1);
}

const quietMarker = Symbol.for('baihua.quietCpuFactory');
function isQuiet(factory: unknown): boolean {
  return typeof factory === 'function' && quietMarker in factory;
}

installQuietDefaultCpu();
