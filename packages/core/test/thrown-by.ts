// Test helpers (not part of the package's exports): what a call throws, for whole-message checks.

/** The message of the error `call` throws (undefined when it throws none). */
export function messageOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/** The error `call` throws; throws 'expected a refusal' when it throws none. */
export function thrownBy(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}
