import { ArgumentError, type Layer } from '@baihua/core';
import type { OnnxGraphBuilder, OnnxValue } from './onnx-graph-builder.js';

/** What a layer converter gets: the graph being written, the layer, its inputs (and their masks). */
export interface ConvertContext {
  builder: OnnxGraphBuilder;
  layer: Layer;
  /** The layer's inputs, in the layout the user gave (channels last). */
  inputs: OnnxValue[];
  /** Per input: the name of an int32 [batch] tensor of valid lengths when a mask travels with it. */
  lengths: (string | undefined)[];
  /** Converts a child layer (containers: Sequential, Residual, TimeDistributed's inner layer). */
  convertChild(layer: Layer, inputs: OnnxValue[], lengths: (string | undefined)[]): ConvertResult;
}

/** What a converter returns: the outputs, and per output the lengths that travel on (masked sequences). */
export interface ConvertResult {
  outputs: OnnxValue[];
  lengths: (string | undefined)[];
}

/** Turns one layer kind into ONNX nodes. */
export type LayerConverter = (context: ConvertContext) => ConvertResult;

/** A refusal of a layer option that ONNX cannot express faithfully. */
export function refuse(layer: Layer, detail: string): never {
  throw new ArgumentError(
    'exportOnnx',
    `expected layers with an ONNX form, got layer '${layer.name}' (${layer.typeName}) ${detail}`,
  );
}

/** One output, no mask, from a converter (most layers). */
export function single(output: OnnxValue, lengths?: string): ConvertResult {
  return { outputs: [output], lengths: [lengths] };
}
