// Gives a Node tool what a browser has: WebGPU's enum globals (GPUBufferUsage, GPUMapMode, ...) and
// navigator.gpu, backed by Dawn (the `webgpu` package). Import it before any engine module.
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);
if (!(globalThis.navigator as Navigator | undefined)?.gpu) {
  const gpu = create([]);
  Object.defineProperty(globalThis, 'navigator', {
    value: { ...(globalThis.navigator ?? {}), gpu },
    configurable: true,
    writable: true,
  });
}
