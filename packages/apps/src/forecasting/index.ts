// @baihua/apps/forecasting: LSTM/GRU forecasters on real public-domain series (the seed's trend scenario).
export { slidingWindows } from './sliding-windows.js';
export type { SeriesWindows, SlidingWindowOptions } from './sliding-windows.js';
export { SeriesScaler, fitScaler } from './series-scaler.js';
export type { ScalerKind, ScalerOptions } from './series-scaler.js';
export { meanAbsoluteScaledError, seasonalNaiveScale, symmetricMape } from './forecast-accuracy.js';
export type { MaseOptions } from './forecast-accuracy.js';
export { createRecurrentForecaster } from './recurrent-forecaster.js';
export type { ForecasterCell, RecurrentForecasterOptions } from './recurrent-forecaster.js';
export { SeriesForecaster } from './series-forecaster.js';
export type { SeriesForecasterParts } from './series-forecaster.js';
export { trainForecaster } from './train-forecaster.js';
export type { TrainForecasterOptions } from './train-forecaster.js';
export { rollingOriginEvaluation, seasonalNaiveForecast } from './rolling-origin.js';
export type { ForecastFunction, RollingOriginOptions, RollingOriginResult } from './rolling-origin.js';
export { forecastChartPng } from './forecast-chart.js';
export type { ForecastChartOptions } from './forecast-chart.js';
