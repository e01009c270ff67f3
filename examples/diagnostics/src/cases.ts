import { deadUnitsCase } from './dead-units-case.js';
import { explodingCase } from './exploding-case.js';
import { imbalanceCase } from './imbalance-case.js';
import { overfittingCase } from './overfitting-case.js';
import type { TrainingCase } from './training-case.js';
import { vanishingCase } from './vanishing-case.js';

/** The five rows of the seed's pitfalls table this example makes happen, in the order they are run. */
export const cases: readonly TrainingCase[] = [
  vanishingCase,
  deadUnitsCase,
  explodingCase,
  overfittingCase,
  imbalanceCase,
];
