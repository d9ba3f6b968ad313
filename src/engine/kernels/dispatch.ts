// The run-time half of a kernel: a compiled pipeline, its bindings and the grid size. Networks build
// their dispatches once and record them all into one compute pass per run.
import type { GpuContext } from '../gpu-context';

export interface Dispatch {
  readonly label: string;
  readonly pipeline: GPUComputePipeline;
  readonly bindGroup: GPUBindGroup;
  readonly workgroups: readonly [number, number, number];
  /** Uniform buffers made for this dispatch alone; destroyed with it (destroyDispatch). */
  readonly owned?: readonly GPUBuffer[];
}

/** Frees what a dispatch owns (its uniforms); the pipeline is the context's, the tensors the run's. */
export function destroyDispatch(dispatch: Dispatch): void {
  for (const buffer of dispatch.owned ?? []) buffer.destroy();
}

/** A kernel's result: where its output lives and the dispatch that fills it. */
export interface KernelCall<TOutput> {
  readonly output: TOutput;
  readonly dispatch: Dispatch;
}

export function bindGroup(
  context: GpuContext,
  pipeline: GPUComputePipeline,
  resources: readonly GPUBindingResource[],
  label: string,
): GPUBindGroup {
  return context.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: resources.map((resource, binding) => ({ binding, resource })),
    label,
  });
}

export function buffers(...list: GPUBuffer[]): GPUBindingResource[] {
  return list.map((buffer) => ({ buffer }));
}

/** A kernel call: `pipeline` with `bound` as bindings 0..n-1 (in order), over `workgroups`. */
export function kernelCall<TOutput>(
  context: GpuContext,
  label: string,
  pipeline: GPUComputePipeline,
  bound: readonly GPUBuffer[],
  workgroups: readonly [number, number, number],
  output: TOutput,
): KernelCall<TOutput> {
  const owned = bound.filter((buffer) => (buffer.usage & GPUBufferUsage.UNIFORM) !== 0);
  return {
    output,
    dispatch: { label, pipeline, bindGroup: bindGroup(context, pipeline, buffers(...bound), label), workgroups, owned },
  };
}

/** Workgroup counts for `total` threads in groups of `size`, checked against the device limit. */
export function groupsFor(context: GpuContext, total: number, size: number): number {
  const groups = Math.max(1, Math.ceil(total / size));
  const limit = context.limits.maxComputeWorkgroupsPerDimension;
  if (groups > limit) throw new Error(`dispatch of ${groups} workgroups exceeds the device limit ${limit}`);
  return groups;
}

/** Records dispatches into one compute pass. Storage-buffer hazards between them are handled by WebGPU. */
export function encodeDispatches(encoder: GPUCommandEncoder, dispatches: readonly Dispatch[], label = 'run'): void {
  const pass = encoder.beginComputePass({ label });
  for (const dispatch of dispatches) {
    pass.setPipeline(dispatch.pipeline);
    pass.setBindGroup(0, dispatch.bindGroup);
    pass.dispatchWorkgroups(...dispatch.workgroups);
  }
  pass.end();
}

/** Submits dispatches in one command buffer (tests and one-off work). */
export function submit(context: GpuContext, dispatches: readonly Dispatch[], label = 'run'): void {
  const encoder = context.device.createCommandEncoder({ label });
  encodeDispatches(encoder, dispatches, label);
  context.device.queue.submit([encoder.finish()]);
}

/** One 16-byte buffer per device for kernels' absent optional inputs. */
const emptyBuffers = new WeakMap<GPUDevice, GPUBuffer>();
/** Bound in place of an absent optional input (never read: the override switches it off). */
export function placeholderBuffer(context: GpuContext): GPUBuffer {
  let buffer = emptyBuffers.get(context.device);
  if (!buffer) {
    buffer = context.createBuffer({ size: 16, usage: GPUBufferUsage.STORAGE, label: 'placeholder' });
    emptyBuffers.set(context.device, buffer);
  }
  return buffer;
}
