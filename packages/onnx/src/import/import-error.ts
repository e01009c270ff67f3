import { ArgumentError, ShapeError } from '@baihua/core';
import { describeNode, type OnnxNodeIr } from './onnx-ir.js';

/**
 * The importer's errors, in core's grammar: `importOnnx: node 'x' (Conv): expected ..., got ...`.
 * Every error about the graph names the node and its operator; nothing is built when one is thrown.
 */
export function nodeError(node: OnnxNodeIr, detail: string): ArgumentError {
  return new ArgumentError('importOnnx', `${describeNode(node)}: ${detail}`);
}

/** A shape that lies (a weight whose shape does not fit the node): a ShapeError naming the node. */
export function nodeShapeError(node: OnnxNodeIr, detail: string): ShapeError {
  return new ShapeError('importOnnx', `${describeNode(node)}: ${detail}`);
}

/** An error about the file or the options, not one node. */
export function importError(detail: string): ArgumentError {
  return new ArgumentError('importOnnx', detail);
}
