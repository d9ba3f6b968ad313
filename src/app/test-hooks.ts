// A door for end-to-end tests to what no one can do from the page: destroy the GPU device as a driver
// reset or a GPU process crash would, and count the engine's GPU buffers. That is the only way a test
// can prove the app's GPU-loss recovery in a real browser (e2e/gpu-loss.spec.ts). It is installed only
// when the page's address has ?test-hooks, so ordinary use never exposes it; someone who adds that to
// the address can only break their own session (the same as a GPU reset) and read buffer counts.
import type { FaceService } from './engine-facade';

export interface FaceprintTestHooks {
  loseDevice(): void;
  gpuResources(): ReturnType<FaceService['gpuResources']>;
}

declare global {
  interface Window {
    __faceprintTest?: FaceprintTestHooks;
  }
}

export function installTestHooks(service: FaceService): void {
  if (!new URLSearchParams(location.search).has('test-hooks')) return;
  window.__faceprintTest = {
    loseDevice: () => service.simulateDeviceLoss(),
    gpuResources: () => service.gpuResources(),
  };
}
