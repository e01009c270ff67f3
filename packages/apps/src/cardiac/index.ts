// @baihua/apps/cardiac: the seed's cardiac pipeline (医疗影像分析) on a SYNTHETIC cine phantom:
// volumes -> 3D U-Net-lite segmentation of the left-ventricle cavity -> EDV, ESV, ejection fraction -> report.
export { cardiacPhantomCase, cardiacPhantomCases } from './cardiac-phantom.js';
export type { CardiacCase, CardiacPhantomOptions } from './cardiac-phantom.js';
export type { PhantomParameters } from './phantom-parameters.js';
export { cycleVolumeFraction, endSystolicPhaseOf } from './cardiac-cycle.js';
export { checkVoxelSpacing, voxelVolumeMl } from './voxel-spacing.js';
export type { VoxelSpacing } from './voxel-spacing.js';
export { cavityVolumes } from './cavity-volumes.js';
export type { CavityVolumesOptions } from './cavity-volumes.js';
export { ejectionFraction } from './ejection-fraction.js';
export type { EjectionFractionResult } from './ejection-fraction.js';
export {
  classifyEjectionFraction,
  ejectionFractionClasses,
  ejectionFractionThresholds,
} from './ejection-fraction-class.js';
export type { EjectionFractionClass } from './ejection-fraction-class.js';
export { cardiacReport } from './cardiac-report.js';
export type { CardiacCaseReport, CardiacReportOptions } from './cardiac-report.js';
export { diceCoefficient } from './dice-coefficient.js';
export { diceBceLoss, softDiceLoss } from './soft-dice-loss.js';
export type { SoftDiceLossOptions } from './soft-dice-loss.js';
export { unet3dLite } from './unet3d-lite.js';
export type { Unet3dLiteOptions } from './unet3d-lite.js';
export { cineTensors } from './cine-tensors.js';
export { segmentCine } from './segment-cine.js';
export { cineContoursPng } from './cine-contours-png.js';
export type { CineContoursInput, CineContoursOptions } from './cine-contours-png.js';
export { volumeCurvePng } from './volume-curve-png.js';
