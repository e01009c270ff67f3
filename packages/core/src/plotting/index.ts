export { lineChartSvg } from './line-chart.js';
export { lineChartPng } from './line-chart-png.js';
export type { LineChartOptions, LineSeries } from './chart-input.js';
export { plotHistory, plotHistoryPng } from './plot-history.js';
export { encodePng } from './png-encoder.js';
export type { PngEncodeOptions } from './png-encoder.js';
export { escapeXml } from './escape-xml.js';
export type { PlotHistoryOptions } from './plot-history.js';
// The raster primitives the PNG charts draw with, for applications that draw their own pictures.
export { RasterCanvas } from './raster-canvas.js';
export type { Rgba } from './raster-canvas.js';
export { bitmapTextWidth, drawBitmapText } from './bitmap-font.js';
export type { BitmapTextPlacement } from './bitmap-font.js';
