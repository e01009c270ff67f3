export type {
  DiagnosticsRecord,
  EpochFigures,
  Finding,
  IntervalFigures,
  Pitfall,
  WeightSnapshot,
} from './diagnostics-record.js';
export { trainingDiagnostics } from './training-diagnostics.js';
export type { DiagnosticsRecorder, TrainingDiagnosticsOptions } from './training-diagnostics.js';
export { diagnose } from './diagnose.js';
export type { DiagnoseThresholds } from './diagnose.js';
export * from './charts/index.js';
