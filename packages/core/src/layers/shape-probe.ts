import type { Layer } from './layer.js';

/**
 * While a graph node's output shape is probed (see graph/apply-symbolic.ts), records the input
 * shapes every layer builds with and sees, so that dimensions that follow a free (null) size of a
 * graph input become free in each layer's recorded input shape too: a Dropout inside a Sequential
 * behind a free-length Embedding must accept every length, not just the probe's.
 */
export class ShapeProbe {
  /** 1: the first run, which builds; 2: the run at another size, which only looks. */
  phase: 1 | 2 = 1;
  private readonly builtHere = new Set<Layer>();
  private readonly seen = new Map<Layer, (readonly (readonly number[])[])[]>();

  /** Called by `ensureBuilt` for every layer run while the probe is active. */
  record(layer: Layer, shapes: readonly (readonly number[])[], building: boolean): void {
    if (building) this.builtHere.add(layer);
    if (!this.seen.has(layer)) this.seen.set(layer, []);
    this.seen.get(layer)?.push(shapes);
  }

  /** In the second run, layers built by the first accept any size (their shapes are being learned). */
  skipsShapeCheck(layer: Layer): boolean {
    return this.phase === 2 && this.builtHere.has(layer);
  }

  /** Marks free every input dimension that differed between the runs, in each layer built by the probe. */
  relax(): void {
    for (const layer of this.builtHere) {
      const records = this.seen.get(layer) ?? [];
      const built = layer.inputShapes;
      if (!built) continue;
      layer.inputShapes = built.map((shape, k) =>
        shape.map((s, i) => (i > 0 && records.every((r) => r[k]?.[i] === s) ? s : null)),
      );
      layer.inputShape = layer.inputShapes[0];
    }
  }
}

let active: ShapeProbe | undefined;

/** The probe in progress, if any. */
export function activeShapeProbe(): ShapeProbe | undefined {
  return active;
}

/** Runs `fn` with a fresh probe active (probes do not nest: a nested call reuses the outer one). */
export function withShapeProbe<T>(fn: (probe: ShapeProbe) => T): T {
  if (active) return fn(active);
  active = new ShapeProbe();
  try {
    return fn(active);
  } finally {
    active = undefined;
  }
}
