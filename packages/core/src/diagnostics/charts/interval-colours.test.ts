import { expect, test } from 'vitest';
import { evenlyChosen, intervalColour } from './interval-colours.js';

test('evenlyChosen: all when they fit, else first to last evenly', () => {
  expect(evenlyChosen(3, 8)).toEqual([0, 1, 2]);
  expect(evenlyChosen(10, 4)).toEqual([0, 3, 6, 9]);
  expect(evenlyChosen(10, 1)).toEqual([9]);
  expect(new Set(evenlyChosen(100, 8)).size).toBe(8);
});

test('intervalColour: light green first, dark purple last, distinct between', () => {
  expect(intervalColour(0, 5)).toBe('#b5de2b');
  expect(intervalColour(4, 5)).toBe('#440154');
  expect(intervalColour(0, 1)).toBe('#440154');
  expect(new Set(Array.from({ length: 8 }, (_, k) => intervalColour(k, 8))).size).toBe(8);
});
