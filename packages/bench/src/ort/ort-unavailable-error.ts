/**
 * Thrown by a case's setup when what it measures cannot run here (ONNX Runtime or the exporter is
 * not installed, or the row belongs to another column): the harness records a 'skipped' row with
 * the message instead of an error. Recognised by its `skipCase` marker, so copies survive bundling.
 *
 * @example throw new OrtUnavailableError('onnxruntime-node cannot load: Cannot find module');
 *
 * In plain words: "not here, and this is why", rather than a failure.
 */
export class OrtUnavailableError extends Error {
  readonly skipCase = true;
  override name = 'OrtUnavailableError';
}

/** Whether an error asks for a skipped row (see {@link OrtUnavailableError}). */
export function isCaseUnavailable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { skipCase?: unknown }).skipCase === true;
}
