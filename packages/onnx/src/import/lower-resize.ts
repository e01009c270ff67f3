import { UpSampling3D } from '@baihua/cnn';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { identityAxes } from './import-values.js';
import { materialize } from './layout.js';
import { checkAttributes, stringAttribute } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * Resize of a 5-D channels-last volume by whole scales [1, sd, sh, sw, 1], nearest with
 * asymmetric coordinates and floor (out[i] = in[floor(i / s)]), as exportOnnx writes UpSampling3D:
 * an UpSampling3D. Any other Resize is refused.
 */
export function lowerResize(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['mode', 'coordinate_transformation_mode', 'nearest_mode']);
  const settings = [
    stringAttribute(node, 'mode', 'nearest'),
    stringAttribute(node, 'coordinate_transformation_mode', 'half_pixel'),
    stringAttribute(node, 'nearest_mode', 'round_prefer_floor'),
  ];
  const x = materialize(context, node, context.dynamic(node, 0));
  const scales = context.has(node, 2) ? Array.from(context.constant(node, 2, 'scales').values, Number) : [];
  const whole = scales.slice(1, 4).every((s) => Number.isInteger(s) && s >= 1);
  const supported =
    settings.join() === 'nearest,asymmetric,floor' &&
    !context.has(node, 1) &&
    !context.has(node, 3) &&
    x.shape.length === 5 &&
    scales.length === 5 &&
    scales[0] === 1 &&
    scales[4] === 1 &&
    whole;
  if (!supported)
    throw nodeError(
      node,
      `unsupported Resize (${settings.join(', ')}; scales [${scales}]) of [${x.shape}] (supported: nearest, ` +
        'asymmetric, floor, whole scales [1, sd, sh, sw, 1] of a 5-D channels-last volume)',
    );
  const size = scales.slice(1, 4) as [number, number, number];
  const y = context.adopt(new UpSampling3D({ size })).apply(x.symbolic);
  const shape = x.shape.map((s, i) => (s === null ? null : s * (scales[i] as number)));
  context.setDynamic(node.outputs[0] as string, y, shape, identityAxes(5));
}
