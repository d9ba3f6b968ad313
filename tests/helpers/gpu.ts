// One GpuContext per test file, on Dawn (navigator.gpu is set up by tests/setup-webgpu.ts).
import { afterAll } from 'vitest';
import { GpuContext } from '../../src/engine/gpu-context';

let shared: Promise<GpuContext> | undefined;

export function testContext(): Promise<GpuContext> {
  if (!shared) {
    shared = GpuContext.create();
    afterAll(async () => (await shared)?.dispose());
  }
  return shared;
}

import type { KernelCall } from '../../src/engine/kernels/dispatch';
import { submit } from '../../src/engine/kernels/dispatch';
import { readTensor, type Tensor } from '../../src/engine/tensor';

/** Builds a kernel call under WebGPU error scopes, runs it and reads its output back. */
export async function runKernel(
  context: GpuContext,
  build: () => KernelCall<Tensor>,
): Promise<{ output: Tensor; data: Float32Array }> {
  const call = await context.checked('kernel', () => {
    const built = build();
    submit(context, [built.dispatch]);
    return built;
  });
  return { output: call.output, data: await readTensor(context, call.output) };
}
