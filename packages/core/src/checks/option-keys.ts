import { ArgumentError } from '../errors/argument-error.js';

/**
 * Throws when `options` is not a plain object, or holds a key that is not in `known`, suggesting
 * the closest known key: in plain JavaScript `fit(model, data, { epoch: 3 })` would otherwise train
 * one epoch without a word. `undefined` passes (every options argument is optional).
 *
 * @example
 * assertKnownOptions('fit', 'options', options, ['epochs', 'batchSize', 'optimizer']);
 * // { epoch: 3 } -> fit: unknown key 'epoch' in options (did you mean 'epochs'? known: batchSize, epochs, optimizer)
 *
 * In plain words: a typo in an option name is an error, not a silent default.
 */
export function assertKnownOptions(
  functionName: string,
  argument: string,
  options: unknown,
  known: readonly string[],
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    const got = options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options;
    throw new ArgumentError(functionName, `expected ${argument} to be an object, got ${got}`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const closest = closestName(key, known);
    const hint = closest === undefined ? '' : `did you mean '${closest}'? `;
    const list = [...known].sort().join(', ');
    throw new ArgumentError(functionName, `unknown key '${key}' in ${argument} (${hint}known: ${list})`);
  }
}

/**
 * The known name nearest to `key` by edit distance (case-insensitive), if it is near enough to be a
 * typo or a shortened name; else undefined. Shared by every did-you-mean (option keys, activation names).
 *
 * @example
 * closestName('rleu', ['relu', 'elu', 'tanh']); // 'relu'
 *
 * In plain words: the name the user probably meant.
 */
export function closestName(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  // A typo: a third of the longer name, at least 2 edits ('epoch' -> 'epochs', 'lable' -> 'label').
  const limit = Math.max(2, Math.ceil(Math.max(key.length, best?.length ?? 0) / 3));
  if (best !== undefined && bestDistance <= limit) return best;
  // A shortened or lengthened name: 'reduce' -> 'reduction', 'batch' -> 'batchSize'.
  return known.find((candidate) => sharedPrefixLength(key.toLowerCase(), candidate.toLowerCase()) >= 4);
}

function sharedPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment),
 * so 'rleu' is 1 from 'relu' and nearer to it than to 'elu'. Three rows.
 */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
