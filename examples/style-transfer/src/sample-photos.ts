import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The sample photos that ship in the `@vladmandic/face-api` npm package (demo/sample1.jpg ... sample6.jpg). */
export const samplePhotoNames = ['sample1', 'sample2', 'sample3', 'sample4', 'sample5', 'sample6'] as const;
export type SamplePhotoName = (typeof samplePhotoNames)[number];

/**
 * The path of one of face-api's sample photos (1920 px wide JPEGs of groups of people, taken with
 * Sony and Samsung cameras), found through the installed package, and its bytes.
 *
 * @example
 * const { path, bytes } = samplePhoto('sample1');
 *
 * In plain words: real photos that arrive with `pnpm install`, no download step.
 */
export function samplePhoto(name: SamplePhotoName): { path: string; bytes: Uint8Array } {
  if (!samplePhotoNames.includes(name))
    throw new Error(`samplePhoto: expected one of ${samplePhotoNames.join(', ')}, got ${JSON.stringify(name)}`);
  const packageJson = createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json');
  const path = join(dirname(packageJson), 'demo', `${name}.jpg`);
  return { path, bytes: readFileSync(path) };
}
