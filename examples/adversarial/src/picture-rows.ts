import { type PictureCell, green, red } from './attack-picture.js';
import type { AttackedModel } from './run-attacks.js';

/** The picture's column titles, matching {@link pictureRows} (`pixels`: the one-pixel column's count). */
export const pictureTitles = (pixels: number) => [
  'ORIGINAL',
  'FGSM DELTA',
  'FGSM',
  'PGD DELTA',
  'PGD',
  `${pixels} PX`,
  'AT PGD',
];

const caption = (predicted: number, label: number) => ({
  caption: predicted === label ? `${predicted}` : `${label} > ${predicted}`,
  captionColour: predicted === label ? green : red,
});

/**
 * One row per kept digit: the original with its label, FGSM's and PGD's perturbations (red +, blue -,
 * full colour at eps) and results, the one-pixel attack's result with the most pixels (changed pixels
 * ringed in yellow), and PGD against the adversarially trained model. Captions: the prediction,
 * green when right, "label > prediction" in red when the attack flipped it.
 */
export function pictureRows(
  originals: Float32Array[],
  labels: number[],
  plain: AttackedModel,
  trained: AttackedModel,
  epsilon: number,
): PictureCell[][] {
  const onePixel = plain.onePixel[plain.onePixel.length - 1];
  return originals.map((original, i) => {
    const label = labels[i] as number;
    const delta = (adversarial: Float32Array) => adversarial.map((v, k) => v - (original[k] as number));
    const fgsmImage = plain.fgsm.kept[i] as Float32Array;
    const pgdImage = plain.pgd.kept[i] as Float32Array;
    const row: PictureCell[] = [
      { values: original, kind: 'image', caption: `${label}` },
      { values: delta(fgsmImage), kind: 'delta', range: epsilon, caption: `+-${epsilon}` },
      { values: fgsmImage, kind: 'image', ...caption(plain.fgsm.predictions[i] as number, label) },
      { values: delta(pgdImage), kind: 'delta', range: epsilon, caption: `+-${epsilon}` },
      { values: pgdImage, kind: 'image', ...caption(plain.pgd.predictions[i] as number, label) },
    ];
    const changed = onePixel?.kept[i];
    if (onePixel && changed) {
      const marked = Array.from(changed.keys()).filter((k) => changed[k] !== original[k]);
      row.push({ values: changed, kind: 'image', marked, ...caption(onePixel.predictions[i] as number, label) });
    } else row.push({ values: original, kind: 'image', caption: '-' });
    const robust = trained.pgd.kept[i] as Float32Array;
    row.push({ values: robust, kind: 'image', ...caption(trained.pgd.predictions[i] as number, label) });
    return row;
  });
}
