import { Vocabulary } from '../text-common/vocabulary.js';

/** The shapes a scene draws. */
export const sceneShapes = ['circle', 'square', 'triangle'] as const;
/** The colours a scene draws, with their RGB values (0..255). */
export const sceneColours = {
  red: [220, 45, 45],
  green: [40, 175, 70],
  blue: [55, 95, 230],
  yellow: [235, 205, 40],
} as const;
/** The relations between the subject group and the reference object. */
export const sceneRelations = ['left of', 'right of', 'above', 'below'] as const;
/** The subject group's object sizes. */
export const sceneSizes = ['small', 'large'] as const;

/** One of {@link sceneShapes}. */
export type SceneShape = (typeof sceneShapes)[number];
/** One of the keys of {@link sceneColours}. */
export type SceneColour = keyof typeof sceneColours;
/** One of {@link sceneRelations}. */
export type SceneRelation = (typeof sceneRelations)[number];
/** One of {@link sceneSizes}. */
export type SceneSize = (typeof sceneSizes)[number];

/**
 * What one scene shows: `count` (1..3) objects of one size, colour and shape (the subject group),
 * placed `relation` one reference object (`objectColour`, `objectShape`, medium size).
 */
export interface SceneSpec {
  count: 1 | 2 | 3;
  size: SceneSize;
  colour: SceneColour;
  shape: SceneShape;
  relation: SceneRelation;
  objectColour: SceneColour;
  objectShape: SceneShape;
}

/**
 * The colour-shape pairs held out of training: a training scene never shows them (neither in the
 * subject group nor as the reference object); every test scene shows at least one. Each colour and
 * each shape is still seen in training with other partners, so a test caption is a new
 * combination of known words: compositional generalisation, not memorisation.
 */
export const heldOutPairs: readonly (readonly [SceneColour, SceneShape])[] = [
  ['red', 'triangle'],
  ['green', 'square'],
  ['blue', 'circle'],
];

/**
 * Whether a colour-shape pair is one of the {@link heldOutPairs}.
 *
 * In plain words: is this a pairing the training scenes never show?
 *
 * @example
 * isHeldOutPair('green', 'square'); // true
 */
export function isHeldOutPair(colour: SceneColour, shape: SceneShape): boolean {
  return heldOutPairs.some(([c, s]) => c === colour && s === shape);
}

const countWords = { 1: 'a', 2: 'two', 3: 'three' } as const;

/**
 * The caption of a scene, from the grammar
 * `caption := count size colour shape[s] relation "a" colour shape`
 * with count "a" | "two" | "three" (the plural "s" when count > 1).
 *
 * In plain words: the one sentence that says what the picture shows.
 *
 * @example
 * describeScene({ count: 2, size: 'small', colour: 'red', shape: 'circle', relation: 'left of',
 *   objectColour: 'blue', objectShape: 'square' }); // 'two small red circles left of a blue square'
 */
export function describeScene(scene: SceneSpec): string {
  const plural = scene.count > 1 ? 's' : '';
  return [
    countWords[scene.count],
    scene.size,
    scene.colour,
    `${scene.shape}${plural}`,
    scene.relation,
    'a',
    scene.objectColour,
    scene.objectShape,
  ].join(' ');
}

/**
 * Every word the grammar can write, in a fixed order (what {@link captionVocabulary} holds): 20 words.
 *
 * In plain words: the whole dictionary of the scene captions.
 *
 * @example
 * sceneWords().slice(0, 5); // ['a', 'two', 'three', 'small', 'large']
 */
export function sceneWords(): string[] {
  return [
    ...Object.values(countWords),
    ...sceneSizes,
    ...Object.keys(sceneColours),
    ...sceneShapes.flatMap((shape) => [shape, `${shape}s`]),
    ...new Set(sceneRelations.flatMap((relation) => relation.split(' '))),
  ];
}

/**
 * The word table of the grammar: the four specials, then {@link sceneWords} (ids 4..).
 *
 * In plain words: every word a scene caption can use, numbered.
 *
 * @example
 * captionVocabulary().encode('a small red circle', { addBos: true }); // [1, 4, 7, 9, 13]
 */
export function captionVocabulary(): Vocabulary {
  return new Vocabulary(sceneWords(), 'words');
}
