"""Independent reference values for forecast-accuracy.test.ts, computed with numpy.

Run: /usr/bin/python3 packages/apps/src/forecasting/reference/forecast-accuracy-reference.py
(numpy from Debian's python3-numpy). Prints the MASE (Hyndman & Koehler 2006, in-sample seasonal-naive
scale) and sMAPE (0..200 % variant) of a fixed example that the test repeats.
"""
import numpy as np

# 30 training values with a season of 6 and a trend, then 6 actual and 6 forecast values.
t = np.arange(30)
train = np.round(10 + 0.3 * t + 2 * np.sin(2 * np.pi * t / 6) + 0.5 * np.cos(t * 1.7), 3)
actual = np.array([19.1, 21.4, 20.2, 17.5, 16.9, 19.8])
forecast = np.array([18.7, 21.9, 20.0, 18.4, 16.1, 20.3])


def mase(actual, forecast, train, m):
    scale = np.mean(np.abs(train[m:] - train[:-m]))
    return np.mean(np.abs(actual - forecast)) / scale


def smape(actual, forecast):
    return 100 * np.mean(2 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast)))


print('train', ', '.join('%g' % v for v in train))
for m in (1, 6):
    scale = np.mean(np.abs(train[m:] - train[:-m]))
    print('season %d: scale %.12f mase %.12f' % (m, scale, mase(actual, forecast, train, m)))
print('smape %.12f' % smape(actual, forecast))
