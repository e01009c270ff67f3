import { describe, expect, test } from 'vitest';
import { expectNoLeakedTensors } from '@baihua/core/testing';
import { captionScenes } from './caption-scenes.js';
import { drawShape } from './draw-shape.js';
import {
  captionVocabulary,
  describeScene,
  heldOutPairs,
  isHeldOutPair,
  sceneColours,
  type SceneColour,
} from './scene-grammar.js';

describe('captionScenes', () => {
  test('is deterministic by seed; splits differ; images in [0, 1] of the asked size', async () => {
    const a = captionScenes({ count: 6, seed: 3, size: 32 });
    const b = captionScenes({ count: 6, seed: 3, size: 32 });
    const test = captionScenes({ count: 6, seed: 3, size: 32, split: 'test' });
    try {
      expect(a.images.shape).toEqual([6, 32, 32, 3]);
      expect(a.captions).toEqual(b.captions);
      expect(Array.from(await a.images.data())).toEqual(Array.from(await b.images.data()));
      expect(test.captions).not.toEqual(a.captions);
      const values = await a.images.data();
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThanOrEqual(1);
    } finally {
      for (const set of [a, b, test]) set.images.dispose();
    }
  });

  test('training never shows a held-out colour-shape pair; every test scene shows one', () => {
    const train = captionScenes({ count: 300, seed: 1, size: 16 });
    const test = captionScenes({ count: 300, seed: 1, size: 16, split: 'test' });
    train.images.dispose();
    test.images.dispose();
    const pairs = (captions: string[]) =>
      captions.map((c) => c.split(' ')).map((w) => [`${w.at(-2)} ${w.at(-1)}`, `${w[2]} ${w[3]?.replace(/s$/, '')}`]);
    const heldOut = heldOutPairs.map(([colour, shape]) => `${colour} ${shape}`);
    expect(
      pairs(train.captions)
        .flat()
        .filter((pair) => heldOut.includes(pair)),
    ).toEqual([]);
    expect(pairs(test.captions).every((both) => both.some((pair) => heldOut.includes(pair)))).toBe(true);
    // Every word of the test captions is seen in training: only the combinations are new.
    const trainWords = new Set(train.captions.flatMap((c) => c.split(' ')));
    expect(test.captions.flatMap((c) => c.split(' ')).filter((w) => !trainWords.has(w))).toEqual([]);
    expect(train.scenes.map(describeScene)).toEqual(train.captions);
    expect(isHeldOutPair('red', 'triangle')).toBe(true);
    expect(isHeldOutPair('red', 'circle')).toBe(false);
  });

  test('the grammar writes counts, plurals and relations; the vocabulary holds every word', () => {
    const scene = {
      size: 'large',
      colour: 'green',
      shape: 'triangle',
      relation: 'below',
      objectColour: 'yellow',
      objectShape: 'circle',
    } as const;
    expect(describeScene({ ...scene, count: 3 })).toBe('three large green triangles below a yellow circle');
    expect(describeScene({ ...scene, count: 1, relation: 'right of' })).toBe(
      'a large green triangle right of a yellow circle',
    );
    expect(
      captionVocabulary().encode('three large green triangles below a yellow circle', { unknown: 'error' }),
    ).toEqual([6, 8, 10, 18, 23, 4, 12, 13]);
  });

  test('the subject group sits on the side its relation names, the object on the other', async () => {
    const { images, scenes } = captionScenes({ count: 40, seed: 5, size: 32 });
    const pixels = await images.data();
    images.dispose();
    const centre = (n: number, colour: SceneColour) => {
      const rgb = sceneColours[colour].map((v) => v / 255);
      let x = 0;
      let y = 0;
      let mass = 0;
      for (let p = 0; p < 32 * 32; p++) {
        const at = (n * 32 * 32 + p) * 3;
        const gap = rgb.reduce((sum, v, c) => sum + Math.abs((pixels[at + c] as number) - v), 0);
        if (gap < 0.45) {
          x += p % 32;
          y += Math.floor(p / 32);
          mass++;
        }
      }
      return { x: x / mass, y: y / mass, mass };
    };
    let checked = 0;
    scenes.forEach((scene, n) => {
      if (scene.colour === scene.objectColour) return;
      const subject = centre(n, scene.colour);
      const object = centre(n, scene.objectColour);
      expect(Math.min(subject.mass, object.mass)).toBeGreaterThan(2);
      const gap = {
        'left of': object.x - subject.x,
        'right of': subject.x - object.x,
        above: object.y - subject.y,
        below: subject.y - object.y,
      }[scene.relation];
      expect(gap).toBeGreaterThan(8);
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });

  test('refuses bad options by name, nothing allocated', async () => {
    await expectNoLeakedTensors(() => {
      expect(() => captionScenes({ count: 0 })).toThrow(
        'captionScenes: expected count to be a positive integer, got 0',
      );
      expect(() => captionScenes({ count: 1, size: 8 })).toThrow('captionScenes: expected size >= 16, got 8');
      expect(() => captionScenes({ count: 1, split: 'val' as never })).toThrow(/captionScenes: expected split/);
      expect(() => captionScenes({ count: 1, seed: 0.5 })).toThrow('captionScenes: expected seed to be an integer');
      expect(() => captionScenes({ count: 1, colours: 2 } as never)).toThrow(/captionScenes: unknown key 'colours'/);
    });
  });
});

describe('drawShape', () => {
  test("anti-aliased coverage adds up to the shapes' areas; edges are partly covered", () => {
    const area = (shape: 'circle' | 'square' | 'triangle') => {
      const pixels = new Float32Array(40 * 40 * 3);
      drawShape(pixels, 40, { shape, x: 20.3, y: 19.6, radius: 10, rgb: [1, 0, 0] });
      let sum = 0;
      let partial = 0;
      for (let p = 0; p < 1600; p++) {
        sum += pixels[p * 3] as number;
        if ((pixels[p * 3] as number) > 0 && (pixels[p * 3] as number) < 1) partial++;
        expect(pixels[p * 3 + 1]).toBe(0);
      }
      expect(partial).toBeGreaterThan(10);
      return sum;
    };
    expect(area('circle')).toBeCloseTo(Math.PI * 100, -1);
    expect(area('square')).toBeCloseTo(17 * 17, -1);
    expect(area('triangle')).toBeCloseTo(((3 * Math.sqrt(3)) / 4) * 100, -1);
  });
});
