import { ArgumentError } from '@baihua/core';
import type { Font } from 'fontkit';
import { nodeFs } from './cjk-font-files.js';

/** One face of a font file (a .ttf, or one font of a .ttc collection). */
export interface FontFace {
  font: Font;
  /** The face's PostScript name ('UKaiCN'), or the file's name when it has none. */
  name: string;
}

/** A face counts as a CJK font when it maps at least this many of the 256 code points from the first one. */
export const minimumGlyphsPerBlock = 64;

function countGlyphs(font: Font, firstCodePoint: number): number {
  let count = 0;
  for (let codePoint = firstCodePoint; codePoint < firstCodePoint + 256; codePoint++)
    if (font.hasGlyphForCodePoint(codePoint)) count++;
  return count;
}

/**
 * Reads and parses (fontkit) each file of `files`, expanding collections into their faces and
 * keeping the faces that hold CJK glyphs; the parsed fonts live only as long as the caller keeps
 * them. Throws ArgumentError naming `functionName` and `options.fonts[i]` for a missing file, one
 * that is no font, or one without a face holding {@link minimumGlyphsPerBlock} glyphs from `firstCodePoint`.
 *
 * @example
 * const faces = await readFontFaces('glyphIdentitySet', cjkFontFiles(), 0x4e00);
 *
 * In plain words: open the font files and keep the Chinese typefaces inside them.
 */
export async function readFontFaces(
  functionName: string,
  files: readonly string[],
  firstCodePoint: number,
): Promise<FontFace[]> {
  const fs = nodeFs();
  if (fs === undefined) throw new ArgumentError(functionName, 'expected Node to read options.fonts, got no node:fs');
  // Loaded on first use: importing @baihua/apps/face stays cheap for those who never render glyphs.
  const { create } = await import('fontkit');
  const faces: FontFace[] = [];
  for (const [i, file] of files.entries()) {
    const argument = `options.fonts[${i}]`;
    if (!fs.existsSync(file))
      throw new ArgumentError(functionName, `expected ${argument} to be an existing file, got '${file}'`);
    let parsed: ReturnType<typeof create>;
    try {
      parsed = create(await fs.promises.readFile(file));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ArgumentError(functionName, `expected ${argument} to be a font file, got '${file}' (${reason})`);
    }
    const fonts = 'fonts' in parsed ? parsed.fonts : [parsed];
    const counts = fonts.map((font) => countGlyphs(font, firstCodePoint));
    const kept = fonts.filter((_, f) => (counts[f] as number) >= minimumGlyphsPerBlock);
    if (kept.length === 0) {
      const from = `U+${firstCodePoint.toString(16).toUpperCase()}`;
      throw new ArgumentError(
        functionName,
        `expected ${argument} to hold CJK glyphs (at least ${minimumGlyphsPerBlock} of the 256 from ${from}), ` +
          `got '${file}' with ${Math.max(...counts)}`,
      );
    }
    const fileName = file.split('/').pop() ?? file;
    for (const font of kept) faces.push({ font, name: font.postscriptName ?? fileName });
  }
  return faces;
}
