import type { RasterCanvas, Rgba } from './raster-canvas.js';

/*
 * 5 x 8 glyphs for printable ASCII 32..126 (the classic 5 x 7 LCD font, with true one-row
 * descenders for g j p q y ,): five columns per glyph, left to right, as two hex digits each;
 * bit 0 is the top row, bit 6 the baseline row, bit 7 the descender row.
 */
const glyphs = [
  '0000000000',
  '00005f0000',
  '0007000700',
  '147f147f14',
  '242a7f2a12',
  '2313086462',
  '3649552250',
  '0005030000', // space ! " # $ % & '
  '001c224100',
  '0041221c00',
  '14083e0814',
  '08083e0808',
  '00a0600000',
  '0808080808',
  '0060600000',
  '2010080402', // ( ) * + , - . /
  '3e5149453e',
  '00427f4000',
  '4261514946',
  '2141454b31',
  '1814127f10',
  '2745454539',
  '3c4a494930',
  '0171090503', // 0 1 2 3 4 5 6 7
  '3649494936',
  '064949291e',
  '0036360000',
  '0056360000',
  '0814224100',
  '1414141414',
  '0041221408',
  '0201510906', // 8 9 : ; < = > ?
  '324979413e',
  '7e1111117e',
  '7f49494936',
  '3e41414122',
  '7f4141221c',
  '7f49494941',
  '7f09090901',
  '3e4149497a', // @ A B C D E F G
  '7f0808087f',
  '00417f4100',
  '2040413f01',
  '7f08142241',
  '7f40404040',
  '7f020c027f',
  '7f0408107f',
  '3e4141413e', // H I J K L M N O
  '7f09090906',
  '3e4151215e',
  '7f09192946',
  '4649494931',
  '01017f0101',
  '3f4040403f',
  '1f2040201f',
  '3f4038403f', // P Q R S T U V W
  '6314081463',
  '0708700807',
  '6151494543',
  '007f414100',
  '0204081020',
  '0041417f00',
  '0402010204',
  '4040404040', // X Y Z [ \ ] ^ _
  '0001020400',
  '2054545478',
  '7f48444438',
  '3844444420',
  '384444487f',
  '3854545418',
  '087e090102',
  '98a4a4a47c', // ` a b c d e f g
  '7f08040478',
  '00447d4000',
  '4080847d00',
  '7f10284400',
  '00417f4000',
  '7c04180478',
  '7c08040478',
  '3844444438', // h i j k l m n o
  'fc24242418',
  '18242424fc',
  '7c08040408',
  '4854545420',
  '043f444020',
  '3c4040207c',
  '1c2040201c',
  '3c4030403c', // p q r s t u v w
  '4428102844',
  '1ca0a0a07c',
  '4464544c44',
  '0008364100',
  '00007f0000',
  '0041360800',
  '1008081008', // x y z { | } ~
];

/** Drawn for characters outside printable ASCII: a hollow box. */
const missingGlyph = '7f4141417f';

/** Horizontal advance of one character at scale 1 (5 columns plus 1 of spacing). */
const advance = 6;

/** How a text is placed relative to its anchor point (as in SVG). */
export interface BitmapTextPlacement {
  color: Rgba;
  /** Integer pixel scale; 1 gives glyphs 5 px wide and 7 px tall (8 with descenders). */
  scale: number;
  anchor: 'start' | 'middle' | 'end';
  /** 'alphabetic': the baseline passes through y; 'middle': the capital height is centred on y. */
  baseline: 'alphabetic' | 'middle';
  /** 0: left to right; -90: bottom to top (turned a quarter anticlockwise about the anchor). */
  rotation: 0 | -90;
}

/**
 * Width in pixels of `text` in the built-in bitmap font: (6 n - 1) * scale for n characters
 * (code points; every one, ASCII or not, is one cell).
 *
 * @example
 * bitmapTextWidth('loss', 1); // 23
 *
 * In plain words: how long the words will be once drawn.
 */
export function bitmapTextWidth(text: string, scale: number): number {
  const count = [...text].length;
  return count === 0 ? 0 : (advance * count - 1) * scale;
}

/**
 * Draws `text` with the built-in 5 x 8 bitmap font (printable ASCII 32..126; any other character,
 * including tabs and every non-ASCII letter, is drawn as a hollow box). Crisp pixels, no
 * anti-aliasing; the anchor is rounded to whole pixels.
 *
 * @example
 * drawBitmapText(canvas, 'epoch', 320, 390,
 *   { color: [0, 0, 0, 255], scale: 1, anchor: 'middle', baseline: 'alphabetic', rotation: 0 });
 *
 * In plain words: write words on the pixel sheet with a tiny typewriter font.
 */
export function drawBitmapText(
  canvas: RasterCanvas,
  text: string,
  x: number,
  y: number,
  placement: BitmapTextPlacement,
): void {
  const { color, scale, anchor, baseline, rotation } = placement;
  const width = bitmapTextWidth(text, scale);
  const start = Math.round(anchor === 'start' ? 0 : anchor === 'middle' ? -width / 2 : -width);
  const top = Math.round(baseline === 'alphabetic' ? -7 * scale : -3.5 * scale);
  const [originX, originY] = [Math.round(x), Math.round(y)];
  [...text].forEach((character, n) => {
    const code = character.codePointAt(0) as number;
    const glyph = code >= 32 && code <= 126 ? (glyphs[code - 32] as string) : missingGlyph;
    for (let column = 0; column < 5; column++) {
      const bits = Number.parseInt(glyph.slice(2 * column, 2 * column + 2), 16);
      for (let row = 0; row < 8; row++) {
        if ((bits & (1 << row)) === 0) continue;
        for (let a = 0; a < scale; a++) {
          for (let b = 0; b < scale; b++) {
            const u = start + (n * advance + column) * scale + a; // along the text
            const v = top + row * scale + b; // down from the text's top
            if (rotation === 0) canvas.blendPixel(originX + u, originY + v, color);
            else canvas.blendPixel(originX + v, originY - u - 1, color);
          }
        }
      }
    }
  });
}
