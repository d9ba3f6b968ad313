// Soak run (`npm run soak`, not part of npm test): SOAK_CALLS (default 10,000) analyze + embed calls on
// two alternating frames of the same size, as a webcam session makes them, with the app's pipeline for
// this adapter (src/app/engine-facade.ts PIPELINES; SOAK_PIPELINE=gpu|software chooses one). Every SAMPLE_EVERY calls it
// records the GPU objects the engine holds (buffers, bytes, textures, pipelines) and the process's
// resident memory, after a full GC. The GPU counts must stay exactly flat
// after the first calls; the RSS slope is reported (least squares over the second half, bytes per call).
// Results go to bench/results/soak-<date>.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { PIPELINES, pipelineFor, pipelineNetworks } from '../src/app/engine-facade';
import { FaceEngine } from '../src/engine/face-engine';
import type { RgbaImage } from '../src/engine/face-engine-types';
import { nodeFileSource } from '../src/engine/weights/node-source';
import { demoPhoto } from '../tests/helpers/images';
import { modelDir } from '../tests/helpers/models';
import { slope } from './timing';

const CALLS = Number(process.env.SOAK_CALLS ?? 10_000);
const PIPELINE = process.env.SOAK_PIPELINE as keyof typeof PIPELINES | undefined;
if (PIPELINE !== undefined && !(PIPELINE in PIPELINES)) throw new Error('SOAK_PIPELINE must be gpu or software');
const SAMPLE_EVERY = Math.max(1, Math.floor(CALLS / 100));
/** 10,000 calls take hours on a CPU adapter, beyond the benchmarks' usual hour: a second a call at most. */
const SOAK_TIMEOUT_MS = Math.max(3_600_000, CALLS * 1000);

interface Sample {
  call: number;
  seconds: number;
  buffers: number;
  bufferBytes: number;
  textures: number;
  pipelines: number;
  rssBytes: number;
  heapBytes: number;
}

function crop(image: RgbaImage, x0: number, y0: number, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    data.set(
      image.data.subarray(((y0 + y) * image.width + x0) * 4, ((y0 + y) * image.width + x0 + width) * 4),
      y * width * 4,
    );
  }
  return { width, height, data };
}

it(
  `soak: ${CALLS} analyze + embed calls`,
  async () => {
    const engine = await FaceEngine.create({
      source: nodeFileSource(modelDir()),
      forAdapter: pipelineNetworks(PIPELINE),
    });
    const pipeline = pipelineFor(engine.detectorId);
    // A GC before each sample, so the RSS and heap read what is kept, not what awaits collection.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (() => void) | undefined;
    const photo = demoPhoto('sample1.jpg');
    const frames = [crop(photo, 280, 300, 400, 400), crop(photo, 290, 310, 400, 400)];
    const samples: Sample[] = [];
    const started = performance.now();
    const sample = (call: number) => {
      gc?.();
      const memory = process.memoryUsage();
      samples.push({
        call,
        seconds: (performance.now() - started) / 1000,
        ...engine.gpuResources(),
        rssBytes: memory.rss,
        heapBytes: memory.heapUsed,
      });
    };
    let facesFound = 0;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const dir = join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    // Written at every sample, so a run stopped early still leaves what it measured.
    const report = (finished: boolean) => {
      const done = samples.at(-1)!.call;
      const settled = samples.filter((s) => s.call >= SAMPLE_EVERY);
      const secondHalf = settled.slice(Math.floor(settled.length / 2));
      const range = (key: keyof Sample) => [
        Math.min(...settled.map((s) => s[key])),
        Math.max(...settled.map((s) => s[key])),
      ];
      const summary = {
        pipeline: pipeline.id,
        calls: CALLS,
        done,
        finished,
        facesFound,
        seconds: samples.at(-1)!.seconds,
        buffers: range('buffers'),
        bufferBytes: range('bufferBytes'),
        textures: range('textures'),
        pipelines: range('pipelines'),
        rssMiB: range('rssBytes').map((b) => b / 2 ** 20),
        rssSlopeBytesPerCall: slope(
          secondHalf.map((s) => s.call),
          secondHalf.map((s) => s.rssBytes),
        ),
        heapSlopeBytesPerCall: slope(
          secondHalf.map((s) => s.call),
          secondHalf.map((s) => s.heapBytes),
        ),
      };
      writeFileSync(join(dir, `soak-${stamp}.json`), JSON.stringify({ summary, samples }, null, 1));
      writeFileSync(
        join(dir, `soak-${stamp}.md`),
        [
          `# Soak: ${done} of ${CALLS} analyze + embed calls${finished ? '' : ' (still running or stopped)'} (${summary.seconds.toFixed(0)} s)`,
          '',
          `Pipeline ${pipeline.id}. Faces found on ${facesFound} of ${done} frames; a full GC before each of the ${samples.length} samples.`,
          '',
          '| after the first calls | min | max |',
          '|---|---|---|',
          `| GPU buffers | ${summary.buffers.join(' | ')} |`,
          `| GPU buffer bytes | ${summary.bufferBytes.join(' | ')} |`,
          `| textures | ${summary.textures.join(' | ')} |`,
          `| pipelines | ${summary.pipelines.join(' | ')} |`,
          `| RSS (MiB) | ${summary.rssMiB.map((v) => v.toFixed(1)).join(' | ')} |`,
          '',
          `RSS slope over the second half of the samples: ${summary.rssSlopeBytesPerCall.toFixed(1)} bytes per call; ` +
            `JS heap: ${summary.heapSlopeBytesPerCall.toFixed(1)} bytes per call.`,
          '',
        ].join('\n'),
      );
      return summary;
    };
    try {
      for (let call = 1; call <= CALLS; call++) {
        const frame = frames[call % 2]!;
        const analysis = await engine.analyze(frame, { refineLandmarks: true });
        if (analysis.target) {
          facesFound++;
          await engine.embed(frame, analysis.target, { flip: pipeline.flip });
        }
        if (call % SAMPLE_EVERY === 0 || call === 1) {
          sample(call);
          if (call >= SAMPLE_EVERY) report(false);
        }
        if (call % (SAMPLE_EVERY * 10) === 0) {
          const last = samples.at(-1)!;
          console.log(
            `soak: ${call}/${CALLS} calls, ${last.seconds.toFixed(0)} s, ${last.buffers} buffers, RSS ${(last.rssBytes / 2 ** 20).toFixed(1)} MiB`,
          );
        }
      }
    } finally {
      engine.dispose();
    }
    const summary = report(true);
    console.log('soak summary', JSON.stringify(summary));
    expect(facesFound).toBe(CALLS);
    expect(summary.buffers[0], 'GPU buffers flat').toBe(summary.buffers[1]);
    expect(summary.bufferBytes[0], 'GPU bytes flat').toBe(summary.bufferBytes[1]);
    expect(summary.textures[0], 'textures flat').toBe(summary.textures[1]);
    expect(summary.pipelines[0], 'pipelines flat').toBe(summary.pipelines[1]);
  },
  SOAK_TIMEOUT_MS,
);
