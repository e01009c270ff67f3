import { ArgumentError } from '@baihua/core';

/** The largest number the numeral functions take: 10^8 (一亿), inclusive. */
export const maxChineseNumeral = 100_000_000;

const digitChars = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const smallUnits: readonly [string, number][] = [
  ['千', 1000],
  ['百', 100],
  ['十', 10],
];
const groupUnits: readonly [string, number][] = [
  ['亿', 100_000_000],
  ['万', 10_000],
];

/** One group 1..9999, e.g. 1005 -> 一千零五; `leading`: the first group of the number, where 1x is 十x. */
function groupToChinese(group: number, leading: boolean): string {
  let text = '';
  let pendingZero = false;
  for (const [unit, value] of [...smallUnits, ['', 1] as [string, number]]) {
    const digit = Math.floor(group / value) % 10;
    if (digit === 0) {
      pendingZero ||= text !== '';
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    const bareTen = unit === '十' && digit === 1 && leading && text === '';
    text += (bareTen ? '' : digitChars[digit]) + unit;
  }
  return text;
}

/**
 * An integer 0..10^8 (inclusive) as a Chinese numeral in the standard reading: groups of four
 * digits with 万 and 亿; one 零 for each run of zeros inside a group or between groups (a lower
 * group below 1000 after a higher one: 10010 一万零一十), none at the end (100000 十万); 十 alone
 * only at the very start (12 十二, 100000 十万), 一十 after a higher unit (110 一百一十); 二 (never 两).
 *
 * @example
 * toChineseNumeral(20000010); // '二千万零一十'
 * toChineseNumeral(101);      // '一百零一'
 *
 * In plain words: write a number the way a Chinese cheque or textbook spells it out.
 */
export function toChineseNumeral(n: number): string {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > maxChineseNumeral)
    throw new ArgumentError(
      'toChineseNumeral',
      `expected n to be an integer in 0..${maxChineseNumeral}, got ${typeof n === 'number' ? n : typeof n}`,
    );
  if (n === 0) return '零';
  let text = '';
  let skipped = false;
  for (const [unit, value] of [...groupUnits, ['', 1] as [string, number]]) {
    const group = Math.floor(n / value) % 10_000;
    if (group === 0) {
      skipped ||= text !== '';
      continue;
    }
    if (text !== '' && (skipped || group < 1000)) text += '零';
    skipped = false;
    text += groupToChinese(group, text === '') + unit;
  }
  return text;
}

/**
 * The number of a canonical Chinese numeral (the exact form {@link toChineseNumeral} writes, so
 * 0..10^8); anything else (两, 一十二, 十十, a missing 零, other characters) is refused, naming
 * the canonical form of what it would read as when there is one.
 *
 * @example
 * fromChineseNumeral('一万零一十'); // 10010
 *
 * In plain words: read a spelled-out Chinese number back into digits, and insist on the standard spelling.
 */
export function fromChineseNumeral(text: string): number {
  const fn = 'fromChineseNumeral';
  if (typeof text !== 'string' || text === '')
    throw new ArgumentError(fn, `expected text to be a non-empty string, got ${JSON.stringify(text) ?? typeof text}`);
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const char of text) {
    const d = digitChars.indexOf(char);
    const small = smallUnits.find(([unit]) => unit === char)?.[1];
    const big = groupUnits.find(([unit]) => unit === char)?.[1];
    if (d >= 0) digit = d;
    else if (small !== undefined) {
      section += (digit === 0 && small === 10 ? 1 : digit) * small;
      digit = 0;
    } else if (big !== undefined) {
      total += (section + digit) * big;
      section = 0;
      digit = 0;
    } else
      throw new ArgumentError(
        fn,
        `expected text of 零一二三四五六七八九十百千万亿, got ${JSON.stringify(char)} in "${text}"`,
      );
  }
  const value = total + section + digit;
  const canonical = value <= maxChineseNumeral ? toChineseNumeral(value) : undefined;
  if (canonical !== text)
    throw new ArgumentError(
      fn,
      `expected a canonical numeral, got "${text}"` +
        (canonical === undefined
          ? ` (above ${maxChineseNumeral})`
          : ` (the canonical form of ${value} is "${canonical}")`),
    );
  return value;
}
