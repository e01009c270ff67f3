import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import type { ApplyOptions, Layer } from '../layers/layer.js';
import { withShapeProbe } from '../layers/shape-probe.js';
import { type GraphNode, type SymbolicShape, SymbolicTensor, describeSymbolicShape } from './symbolic-tensor.js';

/** The sizes a free (null) dimension takes in the two probe runs: far enough apart to tell apart after pooling. */
const probeSizes = [32, 64] as const;

interface ProbedOutput {
  shape: number[];
  dtype: tf.DataType;
  maskShape: number[] | undefined;
}

/** Runs the layer once on zeros (batch 1, free sizes set to `size`) and reads its outputs' shapes. */
function probeOnce(layer: Layer, inputs: readonly SymbolicTensor[], list: boolean, size: number): ProbedOutput[] {
  return tf.tidy(() => {
    const concrete = (shape: SymbolicShape) => [1, ...shape.slice(1).map((s) => s ?? size)];
    const xs = inputs.map((t) => tf.zeros(concrete(t.shape), t.dtype));
    const masks = inputs.map((t) => (t.maskShape ? tf.ones(concrete(t.maskShape), 'bool') : undefined));
    const { outputs, masks: outMasks } = layer.applyWithMask(list ? xs : (xs[0] as tf.Tensor), {
      mask: list ? masks : masks[0],
    });
    return outputs.map((o, i) => ({ shape: o.shape, dtype: o.dtype, maskShape: outMasks[i]?.shape }));
  });
}

function hasFree(shape: SymbolicShape | undefined): boolean {
  return shape?.slice(1).includes(null) ?? false;
}

/** null wherever the two runs disagree (and for the batch). */
function mergeShapes(a: readonly number[], b: readonly number[] | undefined): SymbolicShape {
  return a.map((s, i) => (i === 0 || (b !== undefined && b[i] !== s) ? null : s));
}

/**
 * `layer.apply(symbolic)`: checks the inputs, finds the output shapes by running the layer on zeros
 * (which builds it, as Keras builds layers when a functional model is described), twice when a
 * dimension is free, and records a graph node. Returns one SymbolicTensor per output.
 */
export function applySymbolic(
  layer: Layer,
  x: SymbolicTensor | readonly SymbolicTensor[],
  options: ApplyOptions,
): SymbolicTensor[] {
  const fn = `${layer.typeName}.apply`;
  assertKnownOptions(fn, 'options', options, ['training', 'mask']);
  const given = Object.keys(options).filter((k) => (options as Record<string, unknown>)[k] !== undefined);
  if (given.length > 0)
    throw new ArgumentError(
      fn,
      `a symbolic input takes no ${given.map((k) => `options.${k}`).join(' or ')}: its mask travels with it, and ` +
        `the model's caller sets training`,
    );
  const list = Array.isArray(x);
  const inputs: SymbolicTensor[] = list ? [...(x as SymbolicTensor[])] : [x as SymbolicTensor];
  if (!inputs.every((t) => SymbolicTensor.isInstance(t)))
    throw new ArgumentError(fn, 'expected x to be all symbolic tensors (from input()) or all tf.Tensors, got a mix');
  if (list !== layer.takesInputList)
    throw new ArgumentError(
      fn,
      layer.takesInputList
        ? `expected x to be an array of symbolic tensors (this layer takes a list), got one`
        : `expected x to be one symbolic tensor (this layer takes one input), got an array of ${inputs.length}`,
    );
  if (list && inputs.length === 0) throw new ArgumentError(fn, 'expected x to be a non-empty array');
  const free = inputs.some((t) => hasFree(t.shape) || hasFree(t.maskShape));
  const wasBuilt = layer.isBuilt;
  const [first, second] = withShapeProbe((probe) => {
    const a = probeOnce(layer, inputs, list, probeSizes[0]);
    if (!free) return [a, undefined];
    probe.phase = 2;
    let b: ProbedOutput[];
    try {
      b = probeOnce(layer, inputs, list, probeSizes[1]);
    } catch (error) {
      // The first run built the layer for a size the graph cannot promise: free its weights again.
      if (!wasBuilt) layer.dispose();
      if (!(error instanceof Error)) throw error;
      throw Object.assign(
        new ShapeError(
          fn,
          `layer '${layer.name}' cannot take inputs of shape ` +
            `${inputs.map((t) => describeSymbolicShape(t.shape)).join(', ')}` +
            ` with free (null) sizes: it needs a fixed size there (give input() the full shape). ` +
            `Its error at another size: ${(error as Error).message}`,
        ),
        { cause: error },
      );
    }
    probe.relax();
    return [a, b];
  });
  const node: GraphNode = { layer, inputs, takesList: list, outputs: [] };
  first.forEach((out, i) => {
    const other = second?.[i];
    const maskShape = out.maskShape && mergeShapes(out.maskShape, other?.maskShape ?? out.maskShape);
    node.outputs.push(new SymbolicTensor(mergeShapes(out.shape, other?.shape), out.dtype, maskShape, node, i));
  });
  layer.outputShapes = node.outputs.map((o) => [...o.shape]);
  layer.outputShape = layer.outputShapes[0];
  return [...node.outputs];
}
