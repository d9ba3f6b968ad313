// face-api's two detectors as the reference for our networks: face-api 1.7.15 (node-wasm build) on
// tfjs 4.22's wasm backend, loaded through CommonJS (their ESM builds do not resolve in Node). Falls
// back to the cpu backend when the wasm binary cannot be loaded. Reference only: the app never imports tfjs.
import { createRequire } from 'node:module';
import { modelDir } from './models';

const require = createRequire(import.meta.url);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
let loaded: Promise<{ tf: Any; faceapi: Any; backend: string }> | undefined;

export function referenceDetectors(): Promise<{ tf: Any; faceapi: Any; backend: string }> {
  loaded ??= (async () => {
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
    const tf = faceapi.tf;
    let ok: boolean;
    try {
      ok = await tf.setBackend('wasm');
    } catch {
      ok = false;
    }
    if (!ok) await tf.setBackend('cpu');
    await tf.ready();
    const dir = modelDir();
    if (!faceapi.nets.ssdMobilenetv1.isLoaded) await faceapi.nets.ssdMobilenetv1.loadFromDisk(dir);
    if (!faceapi.nets.tinyFaceDetector.isLoaded) await faceapi.nets.tinyFaceDetector.loadFromDisk(dir);
    return { tf, faceapi, backend: tf.getBackend() as string };
  })();
  return loaded;
}

/** Seeded 0..255 integer pixels, as a decoded image would give. */
export function randomPixels(length: number, next: () => number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}
