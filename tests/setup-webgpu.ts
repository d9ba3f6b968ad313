// Gives Node what a browser has: WebGPU's enum globals (GPUBufferUsage, GPUMapMode, ...) and
// navigator.gpu, backed by Dawn.
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);
if (!('navigator' in globalThis) || !(globalThis.navigator as Navigator | undefined)?.gpu) {
  const gpu = create([]);
  Object.defineProperty(globalThis, 'navigator', {
    value: { ...(globalThis.navigator ?? {}), gpu },
    configurable: true,
    writable: true,
  });
}
