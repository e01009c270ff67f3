import { ArgumentError, assertKnownOptions, assertOneOf, assertPositiveInteger } from '@baihua/core';

/** The special tokens every {@link Vocabulary} starts with, ids 0..3 in this order. */
export const specialTokens = { pad: '<pad>', bos: '<bos>', eos: '<eos>', unk: '<unk>' } as const;
const specials: readonly string[] = Object.values(specialTokens);

/** How a text is cut into tokens: code points ('chars', so each CJK character is a token) or words. */
export type Tokenization = 'chars' | 'words';
/** What {@link Vocabulary.encode} does with a token it does not know: map it to `<unk>`, or throw. */
export type UnknownTokenPolicy = 'unk' | 'error';

/** Options of {@link Vocabulary.fromTexts}. */
export interface VocabularyFromTextsOptions {
  /** Default 'chars'. */
  tokenization?: Tokenization;
  /** Tokens seen fewer times are left out (they encode as `<unk>`). Default 1. */
  minCount?: number;
}

/** Options of {@link Vocabulary.encode}. */
export interface EncodeOptions {
  /** Put `<bos>` first. Default false. */
  addBos?: boolean;
  /** Put `<eos>` last. Default false. */
  addEos?: boolean;
  /** Default 'unk'. */
  unknown?: UnknownTokenPolicy;
}

/** Cuts a text into tokens: code points for 'chars', whitespace-separated words for 'words'. */
export function tokenize(text: string, tokenization: Tokenization = 'chars'): string[] {
  return tokenization === 'chars' ? Array.from(text) : text.split(/\s+/).filter((word) => word !== '');
}

/**
 * A token <-> id table for sequence models: ids 0..3 are `<pad>`, `<bos>`, `<eos>`, `<unk>`
 * ({@link specialTokens}), then the tokens in first-seen order. Encoding an unknown token gives
 * `<unk>` (or an error, if asked), never a crash or a silent wrong id.
 *
 * In plain words: the dictionary that turns text into the integers an Embedding layer reads, and back.
 *
 * @example
 * const vocabulary = Vocabulary.fromTexts(['三千零五', '十二']);
 * vocabulary.encode('三十', { addEos: true }); // [4, 8, 2]
 * vocabulary.decode([4, 8, 2]); // ['三', '十']
 */
export class Vocabulary {
  readonly tokenization: Tokenization;
  private readonly tokens: readonly string[];
  private readonly ids: ReadonlyMap<string, number>;

  /** `tokens` are the ordinary tokens (the four specials are put in front). */
  constructor(tokens: readonly string[], tokenization: Tokenization = 'chars') {
    assertOneOf('Vocabulary', 'tokenization', tokenization, ['chars', 'words']);
    const seen = new Set<string>(specials);
    for (const token of tokens) {
      if (typeof token !== 'string' || token === '' || seen.has(token)) {
        throw new ArgumentError(
          'Vocabulary',
          `expected tokens to be distinct non-empty strings other than the specials, got ${JSON.stringify(token)}`,
        );
      }
      seen.add(token);
    }
    this.tokenization = tokenization;
    this.tokens = [...specials, ...tokens];
    this.ids = new Map(this.tokens.map((token, id) => [token, id]));
  }

  /** Collects the tokens of `texts` (first-seen order) seen at least `minCount` times. */
  static fromTexts(texts: Iterable<string>, options: VocabularyFromTextsOptions = {}): Vocabulary {
    assertKnownOptions('Vocabulary.fromTexts', 'options', options, ['tokenization', 'minCount']);
    const { tokenization = 'chars', minCount = 1 } = options;
    assertOneOf('Vocabulary.fromTexts', 'tokenization', tokenization, ['chars', 'words']);
    assertPositiveInteger('Vocabulary.fromTexts', 'minCount', minCount);
    const counts = new Map<string, number>();
    for (const text of texts) {
      if (typeof text !== 'string')
        throw new ArgumentError('Vocabulary.fromTexts', `expected texts to be strings, got ${typeof text}`);
      for (const token of tokenize(text, tokenization)) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    const kept = [...counts].filter(([token, count]) => count >= minCount && !specials.includes(token));
    return new Vocabulary(
      kept.map(([token]) => token),
      tokenization,
    );
  }

  /** Number of ids, the four specials included (an Embedding's inputDim). */
  get size(): number {
    return this.tokens.length;
  }

  /** The id of a token, or undefined when it is not in the table. */
  idOf(token: string): number | undefined {
    return this.ids.get(token);
  }

  /** The token of an id; an error for an id outside 0..size-1. */
  tokenOf(id: number): string {
    const token = Number.isInteger(id) ? this.tokens[id] : undefined;
    if (token === undefined)
      throw new ArgumentError('Vocabulary.tokenOf', `expected an id in 0..${this.size - 1}, got ${id}`);
    return token;
  }

  /** Text (or tokens) -> ids, unknown tokens as `<unk>` or an error naming the token. */
  encode(text: string | readonly string[], options: EncodeOptions = {}): number[] {
    assertKnownOptions('Vocabulary.encode', 'options', options, ['addBos', 'addEos', 'unknown']);
    const { addBos = false, addEos = false, unknown = 'unk' } = options;
    assertOneOf('Vocabulary.encode', 'unknown', unknown, ['unk', 'error']);
    const tokens = typeof text === 'string' ? tokenize(text, this.tokenization) : text;
    const ids = tokens.map((token) => {
      const id = this.ids.get(token);
      if (id !== undefined && id > 3) return id;
      if (unknown === 'error')
        throw new ArgumentError('Vocabulary.encode', `expected known tokens, got ${JSON.stringify(token)}`);
      return 3;
    });
    return [...(addBos ? [1] : []), ...ids, ...(addEos ? [2] : [])];
  }

  /** Ids -> tokens: stops at the first `<eos>`, drops `<pad>` and `<bos>`, keeps `<unk>` visible. */
  decode(ids: ArrayLike<number>): string[] {
    const tokens: string[] = [];
    for (const id of Array.from(ids)) {
      if (id === 2) break;
      if (id !== 0 && id !== 1) tokens.push(this.tokenOf(id));
    }
    return tokens;
  }

  /** Ids -> text: tokens joined without a separator ('chars') or with spaces ('words'). */
  decodeText(ids: ArrayLike<number>): string {
    return this.decode(ids).join(this.tokenization === 'chars' ? '' : ' ');
  }
}
