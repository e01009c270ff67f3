// Side effect: registers the WebGPU fused sequence runner, so runSequence (and every recurrent
// layer) takes it on the 'webgpu' backend. Listed in package.json `sideEffects`.
import { registerFusedSequenceRunner } from '../fused-sequence-registry.js';
import { webgpuSequenceRunner } from './webgpu-sequence-runner.js';

registerFusedSequenceRunner('webgpu', webgpuSequenceRunner);
