/**
 * The keys of an options interface as a list for `assertKnownOptions`, written once as an object
 * `{ key: true }` so that the compiler fails when the list misses a key of the interface or names
 * one it does not have.
 * Internal helper.
 *
 * @example
 * const keys = optionKeys<TripletLossOptions>({ margin: true, distance: true, reduction: true });
 */
export function optionKeys<Options>(keys: Record<keyof Options, true>): readonly string[] {
  return Object.keys(keys);
}
