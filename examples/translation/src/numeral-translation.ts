import {
  type NumeralPair,
  TranslationModel,
  Vocabulary,
  trainTranslation,
  translate,
  type Translation,
} from '@baihua/apps/translation';

/** The two directions of the task. */
export type Direction = 'zh->digits' | 'digits->zh';

/** What one run trains and measures. */
export interface NumeralRunSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  hiddenSize: number;
  embeddingSize: number;
  beamWidth: number;
  seed: number;
}

/** One direction's outcome: exact-match rate on the held-out numbers, the translations, timings. */
export interface DirectionResult {
  direction: Direction;
  exactMatch: number;
  translations: Translation[];
  expected: string[];
  losses: number[];
  trainSeconds: number;
  translateSeconds: number;
}

const zh = Vocabulary.fromTexts(['零一二三四五六七八九十百千万亿']);
const digits = Vocabulary.fromTexts(['0123456789']);

/** The source and target writing of a pair in a direction. */
export function sides(direction: Direction, pair: NumeralPair): { source: string; target: string } {
  return direction === 'zh->digits'
    ? { source: pair.chinese, target: pair.digits }
    : { source: pair.digits, target: pair.chinese };
}

/** The line, e.g. `exact match zh->digits (held-out numbers): 99.60%`. */
export function exactMatchLine(result: Pick<DirectionResult, 'direction' | 'exactMatch'>): string {
  return `exact match ${result.direction} (held-out numbers): ${(100 * result.exactMatch).toFixed(2)}%`;
}

/** A new model for a direction (character vocabularies: 15 numeral characters, 10 digits). */
export function numeralModel(direction: Direction, settings: NumeralRunSettings): TranslationModel {
  const [sourceVocabulary, targetVocabulary] = direction === 'zh->digits' ? [zh, digits] : [digits, zh];
  return new TranslationModel({
    sourceVocabulary,
    targetVocabulary,
    hiddenSize: settings.hiddenSize,
    embeddingSize: settings.embeddingSize,
    seed: settings.seed,
  });
}

/** Exact match of a model's translations of `test` (beam search), with the translations. */
export async function evaluateDirection(
  model: TranslationModel,
  direction: Direction,
  test: readonly NumeralPair[],
  beamWidth: number,
) {
  const pairs = test.map((pair) => sides(direction, pair));
  const translations: Translation[] = [];
  for (let from = 0; from < pairs.length; from += 256) {
    const chunk = pairs.slice(from, from + 256).map((p) => p.source);
    translations.push(...(await translate(model, chunk, { beamWidth, maxLength: 20 })));
  }
  const expected = pairs.map((p) => p.target);
  const exactMatch = translations.filter((t, i) => t.text === expected[i]).length / pairs.length;
  return { translations, expected, exactMatch };
}

/** Trains one direction on `train` and measures exact match on the held-out `test` numbers. */
export async function runDirection(
  direction: Direction,
  train: readonly NumeralPair[],
  test: readonly NumeralPair[],
  settings: NumeralRunSettings,
  onEpoch?: (epoch: number, loss: number) => void,
): Promise<DirectionResult> {
  const model = numeralModel(direction, settings);
  try {
    const started = performance.now();
    const { losses } = await trainTranslation(
      model,
      train.map((pair) => sides(direction, pair)),
      {
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        learningRate: settings.learningRate,
        seed: settings.seed,
        onEpoch,
      },
    );
    const trained = performance.now();
    const evaluation = await evaluateDirection(model, direction, test, settings.beamWidth);
    return {
      direction,
      ...evaluation,
      losses,
      trainSeconds: (trained - started) / 1000,
      translateSeconds: (performance.now() - trained) / 1000,
    };
  } finally {
    model.dispose();
  }
}
