import type { SeededRandom } from '@baihua/core';
import { drawShape } from './draw-shape.js';
import { sceneColours, type SceneColour, type SceneSpec } from './scene-grammar.js';

const background = [0.12, 0.12, 0.14] as const;
const radiusOf = { small: 0.075, large: 0.12 } as const; // fractions of the image side
const objectRadius = 0.1;

/** The colour as [0, 1] RGB, each channel moved by up to +-0.06 so no two objects are identical. */
function jitteredColour(colour: SceneColour, rng: SeededRandom): [number, number, number] {
  const [r, g, b] = sceneColours[colour].map((value) => value / 255) as [number, number, number];
  const move = (value: number) => Math.min(1, Math.max(0, value + (rng.next() - 0.5) * 0.12));
  return [move(r), move(g), move(b)];
}

/**
 * Renders one scene into a new row-major [size, size, 3] RGB image in [0, 1]: the subject group in
 * one half (left, right, top or bottom, after the relation), stacked across that half with small
 * random offsets, the reference object in the other half, on a dark background with a little
 * pixel noise (standard deviation 0.02).
 *
 * In plain words: draw the picture the caption describes, a little differently every time.
 *
 * @example
 * const image = renderScene(spec, 48, createRandom(1)); // Float32Array(48 * 48 * 3)
 */
export function renderScene(scene: SceneSpec, size: number, rng: SeededRandom): Float32Array {
  const pixels = new Float32Array(size * size * 3);
  for (let p = 0; p < size * size; p++) {
    for (let channel = 0; channel < 3; channel++) {
      pixels[p * 3 + channel] = (background[channel] as number) + 0.02 * rng.normal();
    }
  }
  const horizontal = scene.relation === 'left of' || scene.relation === 'right of';
  const subjectFirst = scene.relation === 'left of' || scene.relation === 'above';
  // Along the relation's axis: the subject's band and the object's band (fractions of the side).
  const subjectAt = (subjectFirst ? 0.25 : 0.75) + (rng.next() - 0.5) * 0.08;
  const objectAt = (subjectFirst ? 0.75 : 0.25) + (rng.next() - 0.5) * 0.08;
  // Across it: the group's members spread evenly, with a random shift for a lone member.
  const slots =
    scene.count === 1 ? [0.5 + (rng.next() - 0.5) * 0.4] : scene.count === 2 ? [0.3, 0.7] : [0.18, 0.5, 0.82];
  for (const slot of slots) {
    const along = subjectAt + (rng.next() - 0.5) * 0.06;
    const across = slot + (rng.next() - 0.5) * 0.06;
    drawShape(pixels, size, {
      shape: scene.shape,
      x: (horizontal ? along : across) * size,
      y: (horizontal ? across : along) * size,
      radius: radiusOf[scene.size] * size * (0.95 + 0.1 * rng.next()),
      rgb: jitteredColour(scene.colour, rng),
    });
  }
  const across = 0.5 + (rng.next() - 0.5) * 0.4;
  drawShape(pixels, size, {
    shape: scene.objectShape,
    x: (horizontal ? objectAt : across) * size,
    y: (horizontal ? across : objectAt) * size,
    radius: objectRadius * size,
    rgb: jitteredColour(scene.objectColour, rng),
  });
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(1, Math.max(0, pixels[i] as number));
  return pixels;
}
