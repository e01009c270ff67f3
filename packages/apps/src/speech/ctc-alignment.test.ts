import { expect, test } from 'vitest';
import { ctcAlignment } from './index.js';

/** Log-probabilities from a hand-made posterior matrix (rows: frames, columns: blank, 1, 2). */
const logRows = (rows: number[][]) => rows.map((row) => row.map(Math.log));

test('the Viterbi alignment gives the frames of each label of a hand-made posterior matrix', () => {
  const posteriors = logRows([
    [0.8, 0.1, 0.1], // blank
    [0.1, 0.8, 0.1], // 1
    [0.2, 0.7, 0.1], // 1
    [0.7, 0.2, 0.1], // blank
    [0.1, 0.1, 0.8], // 2
    [0.6, 0.1, 0.3], // blank
  ]);
  expect(ctcAlignment(posteriors, [1, 2])).toEqual([
    { label: 1, first: 1, last: 2 },
    { label: 2, first: 4, last: 4 },
  ]);
});

test('a repeated label needs a blank between its two emissions; the alignment finds it', () => {
  // Frame 2 prefers label 1, but 1 1 must be split by a blank: the best split puts the blank at frame 2.
  const posteriors = logRows([
    [0.1, 0.8, 0.1],
    [0.2, 0.7, 0.1],
    [0.4, 0.5, 0.1],
    [0.1, 0.8, 0.1],
  ]);
  expect(ctcAlignment(posteriors, [1, 1])).toEqual([
    { label: 1, first: 0, last: 1 },
    { label: 1, first: 3, last: 3 },
  ]);
  // Another labelling of the same frames: 2 is forced onto the frame where it costs least (frame 2).
  expect(ctcAlignment(posteriors, [1, 2, 1])).toEqual([
    { label: 1, first: 0, last: 1 },
    { label: 2, first: 2, last: 2 },
    { label: 1, first: 3, last: 3 },
  ]);
});

test('an empty labelling aligns to all blanks; too few frames for the labels throws', () => {
  expect(ctcAlignment(logRows([[0.5, 0.5, 0]]), [])).toEqual([]);
  expect(() =>
    ctcAlignment(
      logRows([
        [0.4, 0.3, 0.3],
        [0.4, 0.3, 0.3],
      ]),
      [1, 1],
    ),
  ).toThrow('ctcAlignment: expected 2 frames to hold 2 labels (with blanks between repeats), got no alignment');
});
