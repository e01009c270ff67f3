import type { onnx as OnnxNamespace } from 'onnx-proto';

/**
 * Removes back-to-back Transpose pairs that undo each other (NCHW -> NHWC -> NCHW between two conv
 * blocks), so a chain of conv, pool and norm layers keeps one Transpose in and one out. A pair is
 * removed only when the first Transpose feeds nothing else and the second's output is not in `keep`.
 */
export function cancelTransposes(
  nodes: OnnxNamespace.INodeProto[],
  keep: ReadonlySet<string>,
): OnnxNamespace.INodeProto[] {
  let list = [...nodes];
  for (let changed = true; changed; ) {
    changed = false;
    const consumers = countConsumers(list);
    for (const second of list) {
      if (second.opType !== 'Transpose') continue;
      const input = second.input?.[0] as string;
      const first = list.find((n) => n.opType === 'Transpose' && n.output?.[0] === input);
      const output = second.output?.[0] as string;
      if (first === undefined || consumers.get(input) !== 1 || keep.has(output)) continue;
      if (!undoes(perm(first), perm(second))) continue;
      const source = first.input?.[0] as string;
      list = list.filter((n) => n !== first && n !== second);
      for (const n of list) n.input = (n.input ?? []).map((name) => (name === output ? source : name));
      changed = true;
      break;
    }
  }
  return list;
}

function perm(node: OnnxNamespace.INodeProto): number[] {
  const attr = node.attribute?.find((a) => a.name === 'perm');
  return (attr?.ints ?? []).map(Number);
}

/** Whether applying p then q gives the identity (q[p[i]]... as ONNX: out[i] = in[perm[i]]). */
function undoes(p: number[], q: number[]): boolean {
  return p.length === q.length && q.every((qi, i) => p[qi] === i);
}

function countConsumers(nodes: OnnxNamespace.INodeProto[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of nodes) for (const name of n.input ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}
