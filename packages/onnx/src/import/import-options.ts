import { ArgumentError, assertKnownOptions, assertOneOf, assertPositiveInteger } from '@baihua/core';

/** Options of {@link importOnnx}. */
export interface ImportOnnxOptions {
  /**
   * Layout the imported model takes for rank-4 float inputs (images). 'nchw' (default): as the ONNX
   * file says ([batch, channels, height, width], PyTorch's), with an OnnxPermute to baihua's NHWC
   * inside the model. 'nhwc': baihua's and tfjs' own layout ([batch, height, width, channels]), no
   * transpose at the input. Inside, convolutions always run NHWC; outputs keep the file's layout.
   */
  imageLayout?: 'nchw' | 'nhwc';
  /** Largest file accepted, in bytes (checked before anything is decoded). Default 256 MiB. */
  maxBytes?: number;
  /** Name of the returned Model. Default: core's counter (`model_1`, ...). */
  name?: string;
}

/** The checked options with their defaults. */
export interface ResolvedImportOptions {
  imageLayout: 'nchw' | 'nhwc';
  maxBytes: number;
  name: string | undefined;
}

/** Default of {@link ImportOnnxOptions.maxBytes}: 256 MiB. */
export const defaultMaxBytes = 256 * 1024 * 1024;

/** Checks the options object (unknown keys are refused with a suggestion) and fills in defaults. */
export function resolveImportOptions(options: ImportOnnxOptions | undefined): ResolvedImportOptions {
  const given = options ?? {};
  if (typeof given !== 'object' || Array.isArray(given))
    throw new ArgumentError('importOnnx', `expected options to be an object, got ${typeof given}`);
  assertKnownOptions('importOnnx', 'options', given, ['imageLayout', 'maxBytes', 'name']);
  const imageLayout = given.imageLayout ?? 'nchw';
  assertOneOf('importOnnx', 'imageLayout', imageLayout, ['nchw', 'nhwc']);
  const maxBytes = given.maxBytes ?? defaultMaxBytes;
  assertPositiveInteger('importOnnx', 'maxBytes', maxBytes);
  if (given.name !== undefined && (typeof given.name !== 'string' || given.name === ''))
    throw new ArgumentError('importOnnx', `expected name to be a non-empty string, got ${JSON.stringify(given.name)}`);
  return { imageLayout, maxBytes, name: given.name };
}
