// The reference: face-api 1.7.15's own pipeline on tfjs 4.22's WASM backend, as an app using face-api
// would call it: detectSingleFace (SSD MobileNetV1, default options: minConfidence 0.5, the
// highest-scoring face) → withFaceLandmarks (68-point net) → withFaceDescriptor (face-api's crop),
// on an int32 H×W×3 tensor decoded by jpeg-js. Where SSD finds no face, the same stages run from the
// fallback box (the one our pipeline uses), so that every pair gets a distance.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Box, RgbaImage } from '../../src/engine/index';
import { fallbackBox } from './geometry';
import { encodeVector, JsonlStore, round3, type Keyed } from './store';

const require = createRequire(import.meta.url);

export const REFERENCE_PIPELINE = 'faceapi-ssd-top-crop';
export const REFERENCE_VERSION = 'v1';

export interface ReferenceRecord extends Keyed {
  kind: 'reference';
  image: string;
  pipeline: string;
  modelId: string;
  vector: string;
  fallback: boolean;
  score: number;
  box: Box;
  ms: number;
}

export const referenceKey = (sha: string, modelId: string) =>
  `${sha}|${REFERENCE_PIPELINE}:${REFERENCE_VERSION}|${modelId}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export class ReferencePipeline {
  readonly timing = { images: 0, ms: 0 };

  private constructor(
    private readonly faceapi: Any,
    readonly store: JsonlStore<ReferenceRecord>,
    readonly modelId: string,
    readonly backend: string,
  ) {}

  static async create(modelDir: string, store: JsonlStore<ReferenceRecord>): Promise<ReferencePipeline> {
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
    const tf = faceapi.tf;
    const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
    tf.setWasmPaths(wasmDir + '/');
    await tf.setBackend('wasm');
    await tf.ready();
    await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
    const version = require('@vladmandic/face-api/package.json').version as string;
    return new ReferencePipeline(
      faceapi,
      store,
      `@vladmandic/face-api@${version}/tfjs-${tf.version_core}`,
      tf.getBackend(),
    );
  }

  isDone(sha: string): boolean {
    return this.store.has(referenceKey(sha, this.modelId));
  }

  async process(image: string, sha: string, frame: RgbaImage): Promise<void> {
    const key = referenceKey(sha, this.modelId);
    if (this.store.has(key)) return;
    const { faceapi } = this;
    const tf = faceapi.tf;
    const started = performance.now();
    const rgb = new Int32Array(frame.width * frame.height * 3);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
      rgb[i] = frame.data[j]!;
      rgb[i + 1] = frame.data[j + 1]!;
      rgb[i + 2] = frame.data[j + 2]!;
    }
    const input = tf.tensor3d(rgb, [frame.height, frame.width, 3], 'int32');
    try {
      const result = await faceapi
        .detectSingleFace(input, new faceapi.SsdMobilenetv1Options())
        .withFaceLandmarks()
        .withFaceDescriptor();
      let vector: Float32Array;
      let box: Box;
      let score: number;
      if (result) {
        vector = result.descriptor;
        const b = result.detection.box;
        box = { x: b.x, y: b.y, width: b.width, height: b.height };
        score = result.detection.score;
      } else {
        box = fallbackBox(frame.width, frame.height);
        score = 0;
        vector = await this.fromBox(input, box);
      }
      const ms = performance.now() - started;
      this.timing.images++;
      this.timing.ms += ms;
      const [x, y, width, height] = round3([box.x, box.y, box.width, box.height]) as [number, number, number, number];
      this.store.put({
        kind: 'reference',
        key,
        image,
        pipeline: REFERENCE_PIPELINE,
        modelId: this.modelId,
        vector: encodeVector(vector),
        fallback: !result,
        score: Math.round(score * 1e5) / 1e5,
        box: { x, y, width, height },
        ms: Math.round(ms),
      });
    } finally {
      input.dispose();
    }
  }

  /** face-api's landmark and descriptor stages seeded with a given box (what its tasks do after detection). */
  private async fromBox(input: Any, box: Box): Promise<Float32Array> {
    const { faceapi } = this;
    const rect = new faceapi.Rect(box.x, box.y, box.width, box.height);
    const [face] = await faceapi.extractFaceTensors(input, [rect]);
    const unshifted = await faceapi.nets.faceLandmark68Net.detectLandmarks(face);
    face.dispose();
    const landmarks = unshifted.shiftBy(box.x, box.y);
    const aligned = landmarks.align(null, { useDlibAlignment: true });
    const [chip] = await faceapi.extractFaceTensors(input, [aligned]);
    const descriptor = (await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(chip)) as Float32Array;
    chip.dispose();
    return descriptor;
  }
}
