import { ArgumentError } from '../errors/argument-error.js';

const budgetKey = Symbol.for('baihua.parameterBudget');

interface Budget {
  left: number;
  owner: string;
}

/**
 * Runs `fn` with a cap on the parameters that layers may create (used while loading a model, so
 * a hostile topology cannot make us allocate more than its weights file holds). Nested calls are
 * not supported; the cap is lifted when `fn` returns or throws.
 */
export function withParameterBudget<T>(owner: string, parameters: number, fn: () => T): T {
  const holder = globalThis as { [budgetKey]?: Budget };
  const previous = holder[budgetKey];
  holder[budgetKey] = { left: parameters, owner };
  try {
    return fn();
  } finally {
    holder[budgetKey] = previous;
  }
}

/** Called before a weight is allocated; throws when a budget is active and would be exceeded. */
export function spendParameters(size: number, what: string): void {
  const budget = (globalThis as { [budgetKey]?: Budget })[budgetKey];
  if (!budget) return;
  if (size > budget.left) {
    throw new ArgumentError(
      budget.owner,
      `the topology asks for more parameters than the weights hold ` +
        `(weight '${what}' needs ${size}, ${budget.left} left)`,
    );
  }
  budget.left -= size;
}
