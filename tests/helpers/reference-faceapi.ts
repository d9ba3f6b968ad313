// face-api 1.7.15 (its node-wasm build) on tfjs 4.22's cpu backend, loaded through CommonJS (their ESM builds do not resolve
// in Node). Reference only: the app never imports tfjs.
import { createRequire } from 'node:module';
import { modelDir } from './models';

const require = createRequire(import.meta.url);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
let loaded: Promise<{ tf: Any; faceapi: Any }> | undefined;

export function referenceFaceApi(): Promise<{ tf: Any; faceapi: Any }> {
  loaded ??= (async () => {
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
    const tf = faceapi.tf;
    // The cpu backend needs no wasm binary and agrees with wasm within 1e-6 (oracle README).
    await tf.setBackend('cpu');
    await tf.ready();
    return { tf, faceapi };
  })();
  return loaded;
}

export async function referenceNet(
  name: 'faceLandmark68Net' | 'faceRecognitionNet' | 'ssdMobilenetv1' | 'tinyFaceDetector',
) {
  const { tf, faceapi } = await referenceFaceApi();
  const net = faceapi.nets[name];
  if (!net.isLoaded) await net.loadFromDisk(modelDir());
  return { tf, faceapi, net };
}
