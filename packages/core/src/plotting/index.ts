export { lineChartSvg } from './line-chart.js';
export { lineChartPng } from './line-chart-png.js';
export type { LineChartOptions, LineSeries } from './chart-input.js';
export { plotHistory, plotHistoryPng } from './plot-history.js';
export { encodePng } from './png-encoder.js';
export type { PngEncodeOptions } from './png-encoder.js';
export { escapeXml } from './escape-xml.js';
export type { PlotHistoryOptions } from './plot-history.js';
