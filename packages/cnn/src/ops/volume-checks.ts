import type * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertRank, describeShape } from '@baihua/core';

/** A window size per spatial axis, [depth, height, width]. */
type Triple = readonly [number, number, number];

const times = (t: Triple): string => `${t[0]}x${t[1]}x${t[2]}`;

/**
 * Checks an NDHWC input [N, D, H, W, C] and a 5-D filter whose axis `channelAxis` (3 for conv3d's
 * [kd, kh, kw, inChannels, outChannels], 4 for conv3dTranspose's [kd, kh, kw, outChannels, inChannels])
 * matches the input's channels.
 */
export function checkVolumeOperands(functionName: string, input: tf.Tensor, filter: tf.Tensor, channelAxis = 3): void {
  assertRank(functionName, 'input', input, 5);
  assertRank(functionName, 'filter', filter, 5);
  const channels = input.shape[4];
  if (filter.shape[channelAxis] !== channels) {
    const layout = channelAxis === 3 ? `[kd,kh,kw,${channels},*]` : `[kd,kh,kw,*,${channels}]`;
    throw new ShapeError(
      functionName,
      `expected filter of shape ${layout} to match the input's ${channels} channels, got filter shape ` +
        `${describeShape(filter.shape)} for input shape ${describeShape(input.shape)}`,
    );
  }
}

/**
 * Throws when a window (kernel or pool) of effective size `window` does not fit an NDHWC input in
 * 'valid' mode, where no output position would exist.
 */
export function checkVolumeWindowFits(
  functionName: string,
  what: string,
  input: tf.Tensor,
  window: Triple,
  padding: string,
  detail = '',
): void {
  const size: Triple = [input.shape[1] as number, input.shape[2] as number, input.shape[3] as number];
  if (padding === 'valid' && window.some((w, axis) => w > size[axis]!)) {
    throw new ShapeError(
      functionName,
      `${what} ${times(window)}${detail} is larger than the input ${times(size)} ` +
        `(shape ${describeShape(input.shape)}) with padding 'valid'; use padding 'same' or a smaller window`,
    );
  }
}

/** Checks an optional per-channel bias: rank 1, `channels` long (`what` says whose channels). */
export function checkChannelBias(functionName: string, bias: tf.Tensor | undefined, channels: number, what: string) {
  if (bias === undefined) return;
  assertRank(functionName, 'bias', bias, 1);
  if (bias.shape[0] !== channels) {
    throw new ShapeError(
      functionName,
      `expected bias of shape [${channels}] (${what}), got shape ${describeShape(bias.shape)}`,
    );
  }
}

/** `k x k x k` style text for error messages. */
export const describeTriple = times;
