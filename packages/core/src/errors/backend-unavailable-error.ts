import { BaihuaError, hasMarker } from './baihua-error.js';

const marker = Symbol.for('baihua.error.backendUnavailable');

/** Why one backend could not be used, and what would fix it. */
export interface BackendFailure {
  backend: string;
  /** What went wrong, e.g. "no WebGPU adapter was found". */
  cause: string;
  /** What the user can do about it. */
  fix: string;
  /** The underlying exception, when there was one. */
  error?: unknown;
}

/**
 * No backend of those asked for could be initialised. `failures` holds one entry per backend tried,
 * in order, each with its cause and fix; the message lists them all.
 *
 * @example
 * try { await useBackend(['webgpu', 'wasm']); }
 * catch (e) { if (BackendUnavailableError.isInstance(e)) console.log(e.failures); }
 */
export class BackendUnavailableError extends BaihuaError {
  private readonly [marker] = true;
  readonly failures: readonly BackendFailure[];

  constructor(failures: readonly BackendFailure[]) {
    super(formatFailures(failures), { cause: failures.at(-1)?.error });
    this.name = 'BackendUnavailableError';
    this.failures = failures;
  }

  static override isInstance(error: unknown): error is BackendUnavailableError {
    return hasMarker(error, marker);
  }
}

function formatFailures(failures: readonly BackendFailure[]): string {
  if (failures.length === 1) {
    const [only] = failures as [BackendFailure];
    return `useBackend: backend '${only.backend}' is unavailable: ${only.cause}. Fix: ${only.fix}`;
  }
  const lines = failures.map((f) => `  - '${f.backend}': ${f.cause}. Fix: ${f.fix}`);
  const names = failures.map((f) => f.backend).join(', ');
  return `useBackend: none of the backends [${names}] is available:\n${lines.join('\n')}`;
}
