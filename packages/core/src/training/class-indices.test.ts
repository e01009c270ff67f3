// checkClassIndices at and beyond both ends of [0, K), with the whole message.
import { expect, test } from 'vitest';
import { checkClassIndices } from './class-indices.js';

test('checkClassIndices: [0, K) with K itself, -1, 1.5 and NaN refused, naming row and position', () => {
  expect(() => checkClassIndices('fit', 'data.y', [0, 1, 2, 2], 3)).not.toThrow();
  expect(() => checkClassIndices('fit', 'data.y', [], 3)).not.toThrow();
  expect(() => checkClassIndices('fit', 'data.y', [0, 2, 3], 3)).toThrow(
    "fit: expected data.y class indices in [0, 3) (the model's output width), got 3 at row 2",
  );
  expect(() => checkClassIndices('evaluate', 'y', [-1], 2)).toThrow(
    "evaluate: expected y class indices in [0, 2) (the model's output width), got -1 at row 0",
  );
  expect(() => checkClassIndices('fit', 'data.y', [0, 1.5], 2)).toThrow(/got 1\.5 at row 1$/);
  expect(() => checkClassIndices('fit', 'data.y', [Number.NaN], 2)).toThrow(/got NaN at row 0$/);
  // Rows of 3 positions: flat index 5 is row 1, position 2; with rows of 1, just the row.
  expect(() => checkClassIndices('fit', 'data.y', [0, 1, 0, 1, 1, 4], 2, 3)).toThrow(
    "fit: expected data.y class indices in [0, 2) (the model's output width), got 4 at row 1, position 2",
  );
  expect(() => checkClassIndices('fit', 'data.y', [0, 1, 4], 2, 1)).toThrow(/got 4 at row 2$/);
});
