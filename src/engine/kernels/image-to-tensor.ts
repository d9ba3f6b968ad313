// image-to-tensor kernel host side: geometry (crop, pad to square), normalisation presets, dispatch.
import imageToTensorWgsl from '../../../shaders/image-to-tensor.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { channels, type Channels, type Normalisation } from '../normalisation';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { bindGroup, groupsFor, type Dispatch, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout, writeUniforms, type UniformValues } from './uniforms';

/** An integer pixel rectangle of the frame; it may reach outside the frame (those pixels read 0). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The zero canvas the crop is placed on: its size and where the crop's top-left corner lands. */
export interface CanvasPlacement {
  width: number;
  height: number;
  padLeft: number;
  padTop: number;
}

export { channels, NORMALISATIONS, type Channels, type Normalisation } from '../normalisation';

/**
 * Where a width x height crop sits on the square canvas face-api's padToSquare builds: 'bottom-right'
 * appends all the padding (detectors), 'centred' appends round(diff/2) and prepends the rest
 * (landmark and recognition nets).
 */
export function padToSquare(width: number, height: number, mode: 'centred' | 'bottom-right'): CanvasPlacement {
  const side = Math.max(width, height);
  const diff = side - Math.min(width, height);
  const before = mode === 'centred' ? diff - Math.round(diff * 0.5) : 0;
  return {
    width: side,
    height: side,
    padLeft: width < height ? before : 0,
    padTop: height < width ? before : 0,
  };
}

export interface ImageToTensorOptions {
  outH: number;
  outW: number;
  /** Part of the frame to use; the whole frame by default. */
  crop?: PixelRect;
  /** The zero canvas around the crop; the crop itself (no padding) by default. */
  canvas?: CanvasPlacement;
  normalise: Normalisation;
  /** Mirror the output left-right (flip test-time augmentation). */
  flip?: boolean;
  /** Write into image `batchIndex` of this [B,outH,outW,3] tensor instead of a new [1,outH,outW,3]. */
  output?: Tensor;
  batchIndex?: number;
  label?: string;
}

/** The per-run part of the options: what `update` can change without a new bind group. */
export type ImageToTensorGeometry = Pick<ImageToTensorOptions, 'crop' | 'canvas' | 'normalise' | 'flip'>;

export interface ResolvedImageGeometry {
  outH: number;
  outW: number;
  crop: PixelRect;
  canvas: CanvasPlacement;
  mean: Channels;
  scale: Channels;
  flip: boolean;
}

const isInt = (v: number) => Number.isInteger(v);

/** Fills the defaults and checks the numbers; shared by the kernel and the reference. */
export function resolveImageGeometry(
  frameWidth: number,
  frameHeight: number,
  options: Pick<ImageToTensorOptions, 'outH' | 'outW'> & ImageToTensorGeometry,
  label = 'image-to-tensor',
): ResolvedImageGeometry {
  const { outH, outW } = options;
  const crop = options.crop ?? { x: 0, y: 0, width: frameWidth, height: frameHeight };
  const canvas = options.canvas ?? { width: crop.width, height: crop.height, padLeft: 0, padTop: 0 };
  if (!(outH >= 1 && outW >= 1 && isInt(outH) && isInt(outW)))
    throw new Error(`${label}: invalid output size ${outW}x${outH}`);
  if (![crop.x, crop.y, crop.width, crop.height].every(isInt) || crop.width < 1 || crop.height < 1) {
    throw new Error(`${label}: the crop must be a non-empty integer rectangle, got ${JSON.stringify(crop)}`);
  }
  if (
    ![canvas.width, canvas.height, canvas.padLeft, canvas.padTop].every(isInt) ||
    canvas.width < 1 ||
    canvas.height < 1
  ) {
    throw new Error(`${label}: the canvas must be a non-empty integer size and offset, got ${JSON.stringify(canvas)}`);
  }
  return {
    outH,
    outW,
    crop,
    canvas,
    mean: channels(options.normalise.mean),
    scale: channels(options.normalise.scale),
    flip: options.flip ?? false,
  };
}

export interface ImageToTensorCall extends KernelCall<Tensor> {
  /** Rewrites the uniforms for a new crop/canvas/normalisation/flip on the same frame texture. */
  update(geometry: ImageToTensorGeometry): void;
}

const WG_X = 8;
const WG_Y = 8;

export const IMAGE_TO_TENSOR_UNIFORMS = uniformLayout('image-to-tensor.wgsl', 'Params', {
  outH: 'u32',
  outW: 'u32',
  srcH: 'u32',
  srcW: 'u32',
  cropX: 'i32',
  cropY: 'i32',
  cropW: 'i32',
  cropH: 'i32',
  padTop: 'i32',
  padLeft: 'i32',
  batch: 'u32',
  flip: 'u32',
  mean: 'vec4<f32>',
  scale: 'vec4<f32>',
});

function uniformValues(
  g: ResolvedImageGeometry,
  batchIndex: number,
): UniformValues<typeof IMAGE_TO_TENSOR_UNIFORMS.fields> {
  return {
    outH: g.outH,
    outW: g.outW,
    srcH: g.canvas.height,
    srcW: g.canvas.width,
    cropX: g.crop.x,
    cropY: g.crop.y,
    cropW: g.crop.width,
    cropH: g.crop.height,
    padTop: g.canvas.padTop,
    padLeft: g.canvas.padLeft,
    batch: batchIndex,
    flip: g.flip ? 1 : 0,
    mean: g.mean,
    scale: g.scale,
  };
}

/** Checks (or creates) the [B,outH,outW,3] output and the slot written. */
export function batchOutput(
  context: GpuContext,
  outH: number,
  outW: number,
  output: Tensor | undefined,
  batchIndex: number,
  label: string,
): Tensor {
  const tensor = output ?? createTensor(context, [1, outH, outW, 3], `${label}.out`);
  const [b, h, w, c] = tensor.shape;
  if (tensor.shape.length !== 4 || h !== outH || w !== outW || c !== 3 || sizeOf(tensor.shape) === 0) {
    throw new Error(`${label}: output [${tensor.shape}] is not [B,${outH},${outW},3]`);
  }
  if (!(isInt(batchIndex) && batchIndex >= 0 && batchIndex < b!)) {
    throw new Error(`${label}: batch index ${batchIndex} outside the output's batch of ${b}`);
  }
  return tensor;
}

export function imageToTensor(
  context: GpuContext,
  frame: GPUTexture,
  options: ImageToTensorOptions,
): ImageToTensorCall {
  const label = options.label ?? 'image-to-tensor';
  const batchIndex = options.batchIndex ?? 0;
  const geometry = resolveImageGeometry(frame.width, frame.height, options, label);
  const output = batchOutput(context, geometry.outH, geometry.outW, options.output, batchIndex, label);
  const pipeline = context.pipeline('image-to-tensor', imageToTensorWgsl, { WG_X, WG_Y });
  const uniforms = uniformBuffer(
    context,
    IMAGE_TO_TENSOR_UNIFORMS,
    uniformValues(geometry, batchIndex),
    `${label}.uniforms`,
  );
  const update = (next: ImageToTensorGeometry) => {
    const g = resolveImageGeometry(
      frame.width,
      frame.height,
      { outH: geometry.outH, outW: geometry.outW, ...next },
      label,
    );
    writeUniforms(context, uniforms, IMAGE_TO_TENSOR_UNIFORMS, uniformValues(g, batchIndex));
  };
  return { output, dispatch: frameDispatch(context, label, pipeline, frame, output, uniforms, [WG_X, WG_Y]), update };
}

/**
 * The dispatch of a kernel that reads the frame texture and writes one [outH, outW] image of `output`
 * (image-to-tensor, similarity-warp): bindings 0 frame, 1 output, 2 uniforms; one thread per pixel.
 */
export function frameDispatch(
  context: GpuContext,
  label: string,
  pipeline: GPUComputePipeline,
  frame: GPUTexture,
  output: Tensor,
  uniforms: GPUBuffer,
  [wgX, wgY]: readonly [number, number],
): Dispatch {
  const [, outH, outW] = output.shape as [number, number, number, number];
  return {
    label,
    pipeline,
    bindGroup: bindGroup(
      context,
      pipeline,
      [frame.createView(), { buffer: output.buffer }, { buffer: uniforms }],
      label,
    ),
    workgroups: [groupsFor(context, outW, wgX), groupsFor(context, outH, wgY), 1],
    owned: [uniforms],
  };
}
