// head-gather kernel host side: copies one detection head into its rows of a concatenated
// [N,rows,width] tensor (SSD's reshape + concat of the box and class predictors).
import headGatherWgsl from '../../../shaders/head-gather.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import type { Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export interface HeadGatherOptions {
  /** Anchors per cell. */
  anchors: number;
  /** Values per anchor row (4 for box encodings, 3 for class logits). */
  width: number;
  /** First input channel of anchor 0; anchor a reads channels channelOffset + a*width + [0,width). */
  channelOffset: number;
  /** First output row this head fills. */
  rowOffset: number;
  label?: string;
}

export const HEAD_GATHER_UNIFORMS = uniformLayout('head-gather.wgsl', 'Params', {
  threads: 'u32',
  cells: 'u32',
  anchors: 'u32',
  width: 'u32',
  inC: 'u32',
  channelOffset: 'u32',
  rowOffset: 'u32',
  rows: 'u32',
});

export function headGather(
  context: GpuContext,
  input: Tensor,
  output: Tensor,
  options: HeadGatherOptions,
): KernelCall<Tensor> {
  const label = options.label ?? 'head-gather';
  const { anchors, width, channelOffset, rowOffset } = options;
  const [n, h, w, inC] = input.shape as [number, number, number, number];
  const [outN, rows, outW] = output.shape as [number, number, number];
  if (input.shape.length !== 4 || output.shape.length !== 3) {
    throw new Error(
      `${label}: input must be [N,H,W,C] and output [N,rows,width], got [${input.shape}] and [${output.shape}]`,
    );
  }
  if (outN !== n || outW !== width)
    throw new Error(`${label}: output [${output.shape}] does not match batch ${n}, width ${width}`);
  if (channelOffset + anchors * width > inC) {
    throw new Error(
      `${label}: ${anchors} anchors x ${width} from channel ${channelOffset} exceed the input's ${inC} channels`,
    );
  }
  const cells = h * w;
  if (rowOffset + cells * anchors > rows) {
    throw new Error(`${label}: rows ${rowOffset}..${rowOffset + cells * anchors} exceed the output's ${rows}`);
  }
  const threads = n * cells * anchors * width;
  const pipeline = context.pipeline('head-gather', headGatherWgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(
    context,
    HEAD_GATHER_UNIFORMS,
    { threads, cells, anchors, width, inC, channelOffset, rowOffset, rows },
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
