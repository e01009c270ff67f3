import { nodeError } from './import-error.js';
import type { OnnxAttribute, OnnxNodeIr } from './onnx-ir.js';

/**
 * Typed reads of a node's attributes. `checkAttributes` refuses any attribute the lowering of the
 * operator does not read, so an attribute that would change the result is never ignored silently.
 */
export function checkAttributes(node: OnnxNodeIr, known: readonly string[]): void {
  for (const name of node.attributes.keys())
    if (!known.includes(name))
      throw nodeError(
        node,
        `unsupported attribute '${name}' (supported for ${node.opType}: ${known.join(', ') || 'none'})`,
      );
}

interface AttributeValues {
  int: number;
  float: number;
  string: string;
  ints: number[];
  strings: string[];
}

function read<K extends keyof AttributeValues>(
  node: OnnxNodeIr,
  name: string,
  kind: K,
): AttributeValues[K] | undefined {
  const attribute: OnnxAttribute | undefined = node.attributes.get(name);
  if (attribute === undefined) return undefined;
  if (attribute.kind !== kind)
    throw nodeError(node, `expected attribute '${name}' of type ${kind}, got ${attribute.kind}`);
  const value: unknown = attribute.value;
  return value as AttributeValues[K];
}

/** An INT attribute, or `fallback` when absent. */
export function intAttribute(node: OnnxNodeIr, name: string, fallback: number): number {
  return read(node, name, 'int') ?? fallback;
}

/** A FLOAT attribute, or `fallback` when absent. */
export function floatAttribute(node: OnnxNodeIr, name: string, fallback: number): number {
  return read(node, name, 'float') ?? fallback;
}

/** A STRING attribute, or `fallback` when absent. */
export function stringAttribute(node: OnnxNodeIr, name: string, fallback: string): string {
  return read(node, name, 'string') ?? fallback;
}

/** An INTS attribute, or `fallback` when absent. */
export function intsAttribute(node: OnnxNodeIr, name: string, fallback: number[] | undefined): number[] | undefined {
  return read(node, name, 'ints') ?? fallback;
}

/** A STRINGS attribute, or `fallback` when absent. */
export function stringsAttribute(node: OnnxNodeIr, name: string): string[] | undefined {
  return read(node, name, 'strings');
}

/** Refuses an attribute value the lowering cannot reproduce: `expected group 1, got 2`. */
export function requireValue<T>(node: OnnxNodeIr, name: string, actual: T, supported: readonly T[]): void {
  if (supported.some((s) => JSON.stringify(s) === JSON.stringify(actual))) return;
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  throw nodeError(node, `unsupported ${name} ${JSON.stringify(actual)} (supported: ${list})`);
}
