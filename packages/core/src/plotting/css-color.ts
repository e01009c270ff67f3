import { ArgumentError } from '../errors/argument-error.js';
import type { Rgba } from './raster-canvas.js';

const named: Record<string, string> = {
  black: '000000',
  white: 'ffffff',
  gray: '808080',
  grey: '808080',
  silver: 'c0c0c0',
  lightgray: 'd3d3d3',
  darkgray: 'a9a9a9',
  red: 'ff0000',
  maroon: '800000',
  darkred: '8b0000',
  crimson: 'dc143c',
  tomato: 'ff6347',
  salmon: 'fa8072',
  pink: 'ffc0cb',
  orange: 'ffa500',
  darkorange: 'ff8c00',
  gold: 'ffd700',
  yellow: 'ffff00',
  olive: '808000',
  brown: 'a52a2a',
  green: '008000',
  darkgreen: '006400',
  lime: '00ff00',
  teal: '008080',
  turquoise: '40e0d0',
  cyan: '00ffff',
  aqua: '00ffff',
  blue: '0000ff',
  navy: '000080',
  darkblue: '00008b',
  steelblue: '4682b4',
  purple: '800080',
  indigo: '4b0082',
  violet: 'ee82ee',
  magenta: 'ff00ff',
  fuchsia: 'ff00ff',
};

function channel(text: string, scale: number): number {
  const value = text.endsWith('%') ? (Number(text.slice(0, -1)) / 100) * scale : Number(text);
  return Number.isFinite(value) ? Math.round(Math.min(scale, Math.max(0, value)) * (255 / scale)) : Number.NaN;
}

/**
 * Parses the CSS colours a raster chart understands: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`,
 * `rgb(r, g, b)` / `rgba(r, g, b, a)` (commas or spaces, `/ a`, numbers 0..255 or percentages,
 * alpha 0..1 or a percentage) and about 40 common names (the CSS basic sixteen, `orange`,
 * `steelblue`, ...). Case-insensitive. Anything else throws an ArgumentError naming
 * `functionName` and `argument`.
 *
 * @example
 * parseCssColor('lineChartPng', 'series[0].color', '#1f77b4'); // [31, 119, 180, 255]
 * parseCssColor('lineChartPng', 'series[1].color', 'rgba(255, 0, 0, 0.5)'); // [255, 0, 0, 128]
 *
 * In plain words: turn a colour's name into the amounts of red, green and blue light.
 */
export function parseCssColor(functionName: string, argument: string, text: string): Rgba {
  const colour = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(colour)?.[1] ?? named[colour];
  if (hex !== undefined) {
    const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
    const bytes = [0, 2, 4, 6].map((i) => (i < full.length ? Number.parseInt(full.slice(i, i + 2), 16) : 255));
    return bytes as unknown as Rgba;
  }
  const functional = /^rgba?\(\s*([^)]*)\)$/.exec(colour)?.[1];
  if (functional !== undefined) {
    const parts = functional.split(/\s*[,/]\s*|\s+/).filter((part) => part !== '');
    if (parts.length === 3 || parts.length === 4) {
      const rgb = parts.slice(0, 3).map((part) => channel(part, 255));
      const alpha = parts.length === 4 ? channel(parts[3] as string, 1) : 255;
      const result = [...rgb, alpha];
      if (result.every((value) => Number.isFinite(value))) return result as unknown as Rgba;
    }
  }
  throw new ArgumentError(
    functionName,
    `expected ${argument} to be a CSS colour (#rgb, #rrggbb, rgb(), rgba() or a common name such as 'red'), ` +
      `got ${JSON.stringify(text)}`,
  );
}
