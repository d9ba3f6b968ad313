// Pipeline benchmark (npm run bench): per-stage medians after warm-up for our engine, tfjs 4.22's
// WebGPU backend on the same adapter and tfjs WASM, in one process; cold start for ours and tfjs
// WebGPU. Writes JSON and a markdown table under bench/results/.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { getFaceChipDetails } from '../src/engine/alignment';
import { FaceEngine } from '../src/engine/face-engine';
import { toPoints } from '../src/engine/face-geometry';
import type { DetectedFace, RgbaImage } from '../src/engine/face-engine-types';
import { FrameTexture } from '../src/engine/frame-texture';
import { NORMALISATIONS } from '../src/engine/kernels/image-to-tensor';
import { similarityWarp } from '../src/engine/kernels/similarity-warp';
import { encodeDispatches } from '../src/engine/kernels/dispatch';
import { nodeFileSource } from '../src/engine/weights/node-source';
import { demoPhoto } from '../tests/helpers/images';
import { modelDir } from '../tests/helpers/models';
import { loadTfjs, useBackend, type Tf } from './tfjs-webgpu';
import { fmt, markdownTable, time, type Timing } from './timing';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 7);
const BATCHES = [1, 8, 32];
/** BENCH_COLD_ONLY=1: only the cold starts, appended to bench/results/cold-start-samples.jsonl (run it several times). */
const COLD_ONLY = /^(1|true)$/i.test(process.env.BENCH_COLD_ONLY ?? '');

interface Row {
  stage: string;
  ours?: Timing;
  tfjsWebgpu?: Timing;
  tfjsWasm?: Timing;
  note?: string;
}

// face-api's high-level calls read results with dataSync(), which stalls on tfjs-webgpu under Node
// (Dawn needs the event loop to map buffers); so the reference runs each network's forwardInput and
// awaits the outputs, plus face-api's own crop/pad/resize, on both backends alike. SSD's box decode and
// NMS (a few ms on the CPU) are left out of the reference and kept in ours.
async function referenceStages(tf: Tf, faceapi: Tf, frame: RgbaImage, faces: DetectedFace[], samples: number) {
  const image = tf.tidy(() => tf.tensor3d(frameRgb(frame), [frame.height, frame.width, 3], 'int32'));
  const box = faces[0]!.box;
  const rect = new faceapi.Rect(box.x, box.y, box.width, box.height);
  const out: Record<string, Timing> = {};
  const forward = async (net: Tf, input: Tf) => {
    const netInput = await faceapi.toNetInput(input);
    const result = net.forwardInput(netInput);
    const tensors = result instanceof tf.Tensor ? [result] : [...result.boxes, ...result.scores];
    await Promise.all(tensors.map((t: Tf) => t.data()));
    tensors.forEach((t: Tf) => t.dispose());
  };
  out.detect = await time(() => forward(faceapi.nets.ssdMobilenetv1, image), { warmup: 1, samples });
  const [faceTensor] = await faceapi.extractFaceTensors(image, [rect]);
  out.landmarks = await time(() => forward(faceapi.nets.faceLandmark68Net, faceTensor), { warmup: 1, samples });
  // face-api's alignment: crop the aligned box, pad to square, resize to 150.
  out.align = await time(
    async () => {
      const [crop] = await faceapi.extractFaceTensors(image, [rect]);
      const resized = tf.tidy(() => tf.image.resizeBilinear(faceapi.padToSquare(crop.expandDims(0), true), [150, 150]));
      await resized.data();
      resized.dispose();
      crop.dispose();
    },
    { warmup: 1, samples },
  );
  const chip = tf.tidy(() => tf.image.resizeBilinear(faceTensor.expandDims(0), [150, 150]).squeeze([0]));
  for (const batch of BATCHES) {
    const inputs = Array.from({ length: batch }, () => chip);
    out[`embed×${batch}`] = await time(() => forward(faceapi.nets.faceRecognitionNet, batch === 1 ? chip : inputs), {
      warmup: 1,
      samples: batch === 32 ? Math.min(samples, 3) : samples,
    });
  }
  chip.dispose();
  faceTensor.dispose();
  image.dispose();
  return { stages: out };
}

/** Mesa keeps compiled shaders on disk; MESA_SHADER_CACHE_DISABLE=true measures a first visit. */
function mesaShaderCacheOn(): boolean {
  return !/^(1|true|yes)$/i.test(process.env.MESA_SHADER_CACHE_DISABLE ?? '');
}

function shaderCacheNote(): string {
  return mesaShaderCacheOn()
    ? "Mesa's on-disk shader cache was on: shaders compiled by an earlier run load from disk, as on a returning visit " +
        '(`MESA_SHADER_CACHE_DISABLE=true npm run bench` measures a first visit).'
    : "Mesa's on-disk shader cache was off (MESA_SHADER_CACHE_DISABLE): every shader is compiled, as on a first visit.";
}

function frameRgb(frame: RgbaImage): Int32Array {
  const rgb = new Int32Array(frame.width * frame.height * 3);
  for (let i = 0, j = 0; i < frame.data.length; i += 4, j += 3) {
    rgb[j] = frame.data[i]!;
    rgb[j + 1] = frame.data[i + 1]!;
    rgb[j + 2] = frame.data[i + 2]!;
  }
  return rgb;
}

it('pipeline benchmark', async () => {
  const frame = demoPhoto('sample1.jpg');
  const rows: Row[] = [];

  // --- cold start: ours (load from disk, decode, upload, compile, warm-up, then a first result) ---
  const coldStart = performance.now();
  const engine = await FaceEngine.create({
    source: nodeFileSource(modelDir()),
    detector: { views: 'frame' },
    maxBatch: 32,
  });
  const loadedAt = performance.now();
  const firstAnalysis = await engine.analyze(frame);
  await engine.embed(frame, firstAnalysis.target!);
  const oursCold = {
    loadMs: loadedAt - coldStart,
    firstResultMs: performance.now() - loadedAt,
    totalMs: performance.now() - coldStart,
  };

  // --- cold start: tfjs WebGPU + face-api (open the backend's device and load the same three nets, as
  // ours above opens its device and loads; then the first detect→landmarks→descriptor). Module loading is
  // outside both timings. ---
  const tf = await loadTfjs();
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const tfCold0 = performance.now();
  await useBackend(tf, 'webgpu');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir());
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir());
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir());
  const tfLoaded = performance.now();
  {
    // First result: each network once, on the frame and on the first face's crop (as ours above).
    const image = tf.tensor3d(frameRgb(frame), [frame.height, frame.width, 3], 'int32');
    const ssd = faceapi.nets.ssdMobilenetv1.forwardInput(await faceapi.toNetInput(image));
    await Promise.all([...ssd.boxes, ...ssd.scores].map((t: Tf) => t.data()));
    const box = firstAnalysis.target!.box;
    const [face] = await faceapi.extractFaceTensors(image, [new faceapi.Rect(box.x, box.y, box.width, box.height)]);
    await faceapi.nets.faceLandmark68Net.forwardInput(await faceapi.toNetInput(face)).data();
    await faceapi.nets.faceRecognitionNet.forwardInput(await faceapi.toNetInput(face)).data();
    image.dispose();
    face.dispose();
  }
  const tfjsCold = {
    loadMs: tfLoaded - tfCold0,
    firstResultMs: performance.now() - tfLoaded,
    totalMs: performance.now() - tfCold0,
  };
  if (COLD_ONLY) {
    // One more fresh-process sample of the cold start, without the minutes of warm stages.
    const ratio = (oursCold.totalMs / tfjsCold.totalMs).toFixed(2);
    const line = `cold start: ours ${fmt(oursCold.totalMs)} ms (load ${fmt(oursCold.loadMs)}, first result ${fmt(oursCold.firstResultMs)}), tfjs-webgpu ${fmt(tfjsCold.totalMs)} ms (load ${fmt(tfjsCold.loadMs)}, first result ${fmt(tfjsCold.firstResultMs)}); ratio ${ratio}. ${shaderCacheNote()}`;
    console.log(line);
    mkdirSync('bench/results', { recursive: true });
    appendFileSync(
      'bench/results/cold-start-samples.jsonl',
      JSON.stringify({
        date: new Date().toISOString(),
        adapter: engine.describeAdapter().description,
        mesaShaderCache: mesaShaderCacheOn(),
        tfjsBackendInitIncluded: true,
        oursCold,
        tfjsCold,
      }) + '\n',
    );
    engine.dispose();
    return;
  }

  // --- warm stages: ours ---
  const analysis = await engine.analyze(frame);
  const faces = analysis.faces;
  const target = analysis.target!;
  const ours: Record<string, Timing> = {};
  ours.detect = await time(() => engine.detect(frame), { warmup: 1, samples: SAMPLES });
  ours.landmarks = await time(() => engine.landmarksFor(frame, [target.box]), { warmup: 1, samples: SAMPLES });
  {
    const context = engine.context;
    const texture = new FrameTexture(context, 'bench-frame').uploadRgba(frame);
    const call = similarityWarp(context, texture, {
      outH: 150,
      outW: 150,
      matrix: getFaceChipDetails(toPoints(target.landmarks)).matrix,
      normalise: NORMALISATIONS.faceApi,
    });
    ours.align = await time(
      async () => {
        const encoder = context.device.createCommandEncoder();
        encodeDispatches(encoder, [call.dispatch]);
        context.device.queue.submit([encoder.finish()]);
        await context.device.queue.onSubmittedWorkDone();
      },
      { warmup: 1, samples: SAMPLES },
    );
    texture.destroy();
  }
  for (const batch of BATCHES) {
    const batchFaces = Array.from({ length: batch }, (_, i) => faces[i % faces.length]!);
    ours[`embed×${batch}`] = await time(() => engine.embedMany(frame, batchFaces), { warmup: 1, samples: SAMPLES });
  }
  const adapter = engine.describeAdapter();

  // --- warm stages: tfjs WebGPU, then tfjs WASM ---
  const webgpu = (await referenceStages(tf, faceapi, frame, faces, SAMPLES)).stages;
  console.log(
    'ours',
    JSON.stringify(ours),
    '\ntfjs-webgpu',
    JSON.stringify(webgpu),
    '\ncold',
    JSON.stringify({ oursCold, tfjsCold }),
  );
  await useBackend(tf, 'wasm');
  // The nets' weights live on the backend that was active when they loaded: load them again on WASM.
  for (const net of ['ssdMobilenetv1', 'faceLandmark68Net', 'faceRecognitionNet']) {
    faceapi.nets[net].dispose();
    await faceapi.nets[net].loadFromDisk(modelDir());
  }
  const wasm = (await referenceStages(tf, faceapi, frame, faces, SAMPLES)).stages;
  engine.dispose();

  for (const stage of ['detect', 'landmarks', 'align', ...BATCHES.map((b) => `embed×${b}`)]) {
    rows.push({ stage, ours: ours[stage], tfjsWebgpu: webgpu[stage], tfjsWasm: wasm[stage] });
  }
  const ratio = (a?: Timing, b?: Timing) => (a && b ? (a.medianMs / b.medianMs).toFixed(2) : '–');
  const perFace = (row: Row, t?: Timing) => {
    const batch = Number(/×(\d+)/.exec(row.stage)?.[1] ?? 1);
    return t ? `${fmt(t.medianMs)}${batch > 1 ? ` (${fmt(t.medianMs / batch)}/face)` : ''}` : '–';
  };
  const table = markdownTable(
    ['stage', 'ours ms', 'tfjs-webgpu ms', 'tfjs-wasm ms', 'ours/webgpu', 'ours/wasm'],
    rows.map((r) => [
      r.stage,
      perFace(r, r.ours),
      perFace(r, r.tfjsWebgpu),
      perFace(r, r.tfjsWasm),
      ratio(r.ours, r.tfjsWebgpu),
      ratio(r.ours, r.tfjsWasm),
    ]),
  );
  const coldTable = markdownTable(
    ['cold start', 'device+load+compile ms', 'first result ms', 'total ms'],
    [
      ['ours', fmt(oursCold.loadMs), fmt(oursCold.firstResultMs), fmt(oursCold.totalMs)],
      ['tfjs-webgpu (face-api)', fmt(tfjsCold.loadMs), fmt(tfjsCold.firstResultMs), fmt(tfjsCold.totalMs)],
      ['ratio ours/tfjs', '', '', (oursCold.totalMs / tfjsCold.totalMs).toFixed(2)],
    ],
  );
  const header =
    `Adapter: ${adapter.vendor} ${adapter.architecture} ${adapter.description}`.trim() +
    `\nFrame: face-api demo sample1.jpg (${frame.width}×${frame.height}, ${faces.length} faces); SSD at 512 single view for both` +
    ` (ours adds a second, zoomed-out view by default); medians of ${SAMPLES} samples after 1 warm-up (embed×32: 3 for tfjs).` +
    `\nCold start is one sample each, ours first. ${shaderCacheNote()}`;
  const text = `${header}\n\n${table}\n\n${coldTable}\n`;
  console.log(`\n${text}`);
  mkdirSync('bench/results', { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(
    `bench/results/pipeline-${stamp}.json`,
    JSON.stringify(
      {
        adapter,
        frame: { width: frame.width, height: frame.height },
        rows,
        oursCold,
        tfjsCold,
        mesaShaderCache: mesaShaderCacheOn(),
        date: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
  writeFileSync(`bench/results/pipeline-${stamp}.md`, text);
});
