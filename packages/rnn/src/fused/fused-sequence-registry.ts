import * as tf from '@tensorflow/tfjs-core';
import type { RecurrentCell, RecurrentState } from '../cells/recurrent-cell.js';
import type { RunSequenceOptions, SequenceResult } from '../sequence/sequence-types.js';

/**
 * A whole-sequence kernel for one backend: runs a cell over x [batch, time, features] in one call
 * (input projection for all steps, then the time loop without per-step tensors) and is
 * differentiable with respect to x, the initial state and the cell's weights, exactly as the
 * op-by-op path of {@link runSequence} is. `supports` says which cells and options it handles;
 * anything else takes the op-by-op path, which stays the reference the kernels are tested against.
 */
export interface FusedSequenceRunner {
  /** A short name for reports and tests, e.g. 'wasm-fused-lstm'. */
  readonly name: string;
  /** True when this runner handles this cell (kind, activations, layout, variant) with these inputs. */
  supports(cell: RecurrentCell, x: tf.Tensor, options: RunSequenceOptions<RecurrentState>): boolean;
  /** Called only after the argument checks of runSequence passed and `supports` said yes. */
  run(cell: RecurrentCell, x: tf.Tensor, options: RunSequenceOptions<RecurrentState>): SequenceResult<RecurrentState>;
}

const runners = new Map<string, FusedSequenceRunner[]>();
let enabled = true;

/**
 * Adds a fused runner for a backend name ('wasm', 'webgpu', 'cpu'); later registrations are asked first.
 * @example
 * registerFusedSequenceRunner('wasm', wasmLstmRunner);
 * In plain words: tell runSequence there is a faster road on this backend.
 */
export function registerFusedSequenceRunner(backendName: string, runner: FusedSequenceRunner): void {
  runners.set(backendName, [runner, ...(runners.get(backendName) ?? [])]);
}

/**
 * Turns the fused runners on (default) or off; off, every sequence takes the op-by-op path. Returns
 * the previous setting, so a test or a bench can restore it.
 * @example
 * const before = setFusedSequences(false); // the reference path
 * try { reference = runSequence(cell, x); } finally { setFusedSequences(before); }
 * In plain words: a switch between the fast road and the scenic one, for comparing them.
 */
export function setFusedSequences(on: boolean): boolean {
  const before = enabled;
  enabled = on;
  return before;
}

/**
 * The fused runner that would run this cell on the current backend, or undefined (op-by-op path).
 * @example
 * fusedSequenceRunnerFor(cell, x, {})?.name; // 'wasm-fused-lstm' on wasm, undefined where none fits
 * In plain words: which road runSequence is about to take.
 */
export function fusedSequenceRunnerFor(
  cell: RecurrentCell,
  x: tf.Tensor,
  options: RunSequenceOptions<RecurrentState>,
): FusedSequenceRunner | undefined {
  if (!enabled) return undefined;
  return runners.get(tf.getBackend())?.find((runner) => runner.supports(cell, x, options));
}
