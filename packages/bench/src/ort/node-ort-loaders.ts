import { setOrtModuleLoader } from './ort-runtime.js';

/**
 * Node only: lets the ORT rows import onnxruntime-node and onnxruntime-web. The specifiers are
 * literal so bundlers see them; the device bundle keeps both external, so there (where neither is
 * installed) the rows are skipped with the import's error.
 *
 * @example installNodeOrtLoaders(); // then runBench(...) times the ort-node and ort-wasm rows
 *
 * In plain words: tell the bench where ONNX Runtime lives on this machine.
 */
export function installNodeOrtLoaders(): void {
  setOrtModuleLoader('ort-node', () => import('onnxruntime-node'));
  setOrtModuleLoader('ort-wasm', () => import('onnxruntime-web'));
}
