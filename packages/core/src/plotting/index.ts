export { lineChartSvg } from './line-chart.js';
export type { LineChartOptions, LineSeries } from './line-chart.js';
export { plotHistory } from './plot-history.js';
