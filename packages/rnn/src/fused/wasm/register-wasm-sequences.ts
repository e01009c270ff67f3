// Registers the wasm fused sequence runner: imported for its side effect by the package entry.
import { registerFusedSequenceRunner } from '../fused-sequence-registry.js';
import { wasmSequenceRunner } from './wasm-sequence-runner.js';

registerFusedSequenceRunner('wasm', wasmSequenceRunner);
