// @baihua/apps/distill: model compression by knowledge distillation (the seed's 模型压缩, teacher -> student).
export { distill } from './distill.js';
export type { DistillOptions, DistillResult, LabelledImages } from './distill.js';
export { classifierAccuracy } from './classifier-accuracy.js';
export type { LogitsFunction, TeacherClassifier } from './classifier.js';
export { backendLatency } from './backend-latency.js';
export type { LatencyOptions, LatencyTable } from './backend-latency.js';
export { distillationReport, formatDistillationReport } from './distillation-report.js';
export type { DistillationFigures, ReportEntry, ReportRow } from './distillation-report.js';
