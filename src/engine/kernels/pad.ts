// pad kernel host side: zero rows/columns around the image and zero channels after the last one.
import padWgsl from '../../../shaders/pad.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Shape, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

/** How much zero padding to add on each side; every field defaults to 0. */
export interface PadAmounts {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
  /** Zero channels appended after the last one (the ResNet shortcut's channel padding). */
  channels?: number;
}

export interface PadOptions extends PadAmounts {
  /** Write here instead of a new tensor (buffer reuse across layers). */
  output?: Tensor;
  label?: string;
}

function amounts(pad: PadAmounts, label: string) {
  const { top = 0, bottom = 0, left = 0, right = 0, channels = 0 } = pad;
  for (const [name, value] of Object.entries({ top, bottom, left, right, channels })) {
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${label}: padding ${name} must be a whole number >= 0, got ${value}`);
  }
  return { top, bottom, left, right, channels };
}

export function padOutputShape(input: Shape, pad: PadAmounts) {
  const a = amounts(pad, 'pad');
  return [input[0]!, input[1]! + a.top + a.bottom, input[2]! + a.left + a.right, input[3]! + a.channels] as const;
}

export const PAD_UNIFORMS = uniformLayout('pad.wgsl', 'Params', {
  inH: 'u32',
  inW: 'u32',
  inC: 'u32',
  outH: 'u32',
  outW: 'u32',
  outC: 'u32',
  threads: 'u32',
  padTop: 'u32',
  padLeft: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
  _pad2: 'u32',
});

export function pad(context: GpuContext, input: Tensor, options: PadOptions): KernelCall<Tensor> {
  const label = options.label ?? 'pad';
  const a = amounts(options, label);
  const [n, inH, inW, inC] = input.shape as [number, number, number, number];
  const outShape = [n, inH + a.top + a.bottom, inW + a.left + a.right, inC + a.channels];
  const [, outH, outW, outC] = outShape as [number, number, number, number];
  const output = options.output ?? createTensor(context, outShape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(outShape)) throw new Error(`${label}: output tensor has the wrong size`);
  const threads = sizeOf(outShape);
  const pipeline = context.pipeline('pad', padWgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(
    context,
    PAD_UNIFORMS,
    { inH, inW, inC, outH, outW, outC, threads, padTop: a.top, padLeft: a.left },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, output.buffer, uniforms],
    linearGrid(context, threads, WORKGROUP),
    output,
  );
}
