"""Independent reference values for box-cox-transform.test.ts, computed with numpy.

Run: /usr/bin/python3 packages/apps/src/forecasting/reference/box-cox-reference.py
(numpy from Debian's python3-numpy). The maximum-likelihood lambda of Box & Cox (1964) is found here
by brute force on a grid of step 1e-5 over [-1, 2] (the TypeScript code uses a coarse grid and a
golden-section search), for a fixed skewed series, a shift of 1 on counts with zeros, and the
transformed values at the found lambda.
"""
import numpy as np

skewed = np.array([1.2, 3.5, 2.2, 8.9, 15.1, 4.4, 2.8, 30.5, 11.0, 6.3, 1.9, 22.7, 9.8, 3.1, 5.5, 48.2])
counts = np.array([0, 5, 11, 16, 23, 36, 58, 29, 20, 10, 8, 3, 0, 0, 2, 11, 27, 47, 63, 60, 39, 28, 26, 22])


def transform(y, lam):
    return np.log(y) if lam == 0 else (y ** lam - 1) / lam


def log_likelihood(y, lam):
    z = transform(y, lam)
    return -len(y) / 2 * np.log(np.var(z)) + (lam - 1) * np.sum(np.log(y))


grid = np.round(np.arange(-1, 2 + 1e-9, 1e-5), 5)
for name, y in (('skewed', skewed), ('counts + 1', counts + 1.0)):
    values = np.array([log_likelihood(y, lam) for lam in grid])
    best = grid[np.argmax(values)]
    print('%s: lambda %.5f loglik %.10f' % (name, best, values.max()))
    print('  transformed[:4] at lambda', ', '.join('%.10f' % v for v in transform(y, best)[:4]))
print('skewed at lambda 0:', ', '.join('%.10f' % v for v in np.log(skewed[:3])))
