// tfjs 4.22 (reference only) on the same Dawn adapter as our engine, and on WASM. Loaded through
// CommonJS: their ESM builds do not resolve in Node.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tf = any;

let tfPromise: Promise<Tf> | undefined;

/** tfjs with the webgpu and wasm backends registered (navigator.gpu is Dawn, see tests/setup-webgpu.ts). */
export function loadTfjs(): Promise<Tf> {
  tfPromise ??= (async () => {
    const tf = require('@tensorflow/tfjs');
    require('@tensorflow/tfjs-backend-webgpu');
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
    wasm.setWasmPaths(`${wasmDir}/`);
    return tf;
  })();
  return tfPromise;
}

export async function useBackend(tf: Tf, name: 'webgpu' | 'wasm' | 'cpu'): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend ${name} could not be initialised`);
  await tf.ready();
}
