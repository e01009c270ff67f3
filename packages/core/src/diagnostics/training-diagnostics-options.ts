import { assertKnownOptions } from '../checks/option-keys.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';

/** Options of {@link trainingDiagnostics}. */
export interface TrainingDiagnosticsOptions {
  /** Training steps per interval (one device read per interval). Default 10. */
  every?: number;
  /** The layers to watch, by name; default every layer with trainable weights. */
  layers?: readonly string[];
  /** Copy one weight at the end of chosen epochs (0-based), for heat maps; weight default 'kernel'. */
  snapshot?: { layer: string; weight?: string; epochs: readonly number[] };
  /** Told once when the diagnostics fail (they then stop recording; training goes on). Default console.warn. */
  onWarning?: (message: string) => void;
}

/** The options, checked, with defaults filled in. */
export interface DiagnosticsSettings {
  every: number;
  layers: readonly string[] | undefined;
  snapshot: { layer: string; weight: string; epochs: readonly number[] } | undefined;
  onWarning: (message: string) => void;
}

const fn = 'trainingDiagnostics';

/** Checks every option of trainingDiagnostics (keys, types, ranges) and fills in the defaults. */
export function checkDiagnosticsOptions(options: TrainingDiagnosticsOptions = {}): DiagnosticsSettings {
  assertKnownOptions(fn, 'options', options, ['every', 'layers', 'snapshot', 'onWarning']);
  const { every = 10, layers, snapshot, onWarning = (message: string) => console.warn(message) } = options;
  assertPositiveInteger(fn, 'every', every);
  if (layers !== undefined && (!Array.isArray(layers) || layers.some((name) => typeof name !== 'string')))
    throw new ArgumentError(fn, `expected layers to be an array of layer names, got ${JSON.stringify(layers)}`);
  if (typeof onWarning !== 'function')
    throw new ArgumentError(fn, `expected onWarning to be a function, got ${typeof onWarning}`);
  if (snapshot === undefined) return { every, layers, snapshot, onWarning };
  assertKnownOptions(fn, 'snapshot', snapshot, ['layer', 'weight', 'epochs']);
  const { layer, weight = 'kernel', epochs } = snapshot;
  if (typeof layer !== 'string' || typeof weight !== 'string')
    throw new ArgumentError(fn, `expected snapshot.layer and snapshot.weight to be names, got ${typeof layer}`);
  if (!Array.isArray(epochs) || epochs.some((e) => !Number.isInteger(e) || e < 0))
    throw new ArgumentError(
      fn,
      `expected snapshot.epochs to be an array of 0-based epoch numbers, got ${JSON.stringify(epochs)}`,
    );
  return { every, layers, snapshot: { layer, weight, epochs }, onWarning };
}
