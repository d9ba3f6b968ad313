// Same/different AUC on ../shared/faces/bbt (8 people × 5 tight greyscale face crops, 150×150, from
// the face-api.js examples): every pair of the 40 crops, Euclidean distance of our descriptors.
// The crops are tighter than the faces SSD was trained on; the detector's zoomed-out second view
// (the crop centred on a zero canvas twice its size) is what finds them. A crop with no face found
// falls back to the whole image as the landmark box. Prints a table, writes results/bbt-<date>.json.
//
//   npm run eval:bbt -- [--bbt DIR]
import './node-webgpu';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { euclideanDistance, FaceEngine, type Box, type RgbaImage } from '../src/engine/index';
import { nodeFileSource } from '../src/engine/weights/node-source';
import { readOptions, runTool } from './cli';
import { rocAuc, type ScoredPair } from './lfw/metrics';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Same/different AUC on the bbt crops (see tools/README.md)
  eval-bbt [--bbt DIR]`;
const modelDir = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'model');

function readGreyPng(path: string): RgbaImage {
  const png = PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

async function main() {
  const options = readOptions(process.argv.slice(2), { bbt: { type: 'string' } }, USAGE);
  const bbtDir = resolve(options.bbt ?? join(root, '..', 'shared', 'faces', 'bbt'));
  const identitiesDir = join(bbtDir, 'identities');
  const images = readdirSync(identitiesDir).flatMap((person) =>
    readdirSync(join(identitiesDir, person))
      .filter((file) => file.endsWith('.png'))
      .map((file) => ({ person, file, frame: readGreyPng(join(identitiesDir, person, file)) })),
  );
  const engine = await FaceEngine.create({ source: nodeFileSource(modelDir) });
  const variants = {
    'dlib-chip': [] as Float32Array[],
    'dlib-chip+flip': [] as Float32Array[],
    'face-api-crop': [] as Float32Array[],
  };
  let detected = 0;
  for (const image of images) {
    const analysis = await engine.analyze(image.frame);
    let face = analysis.target;
    if (face) {
      detected++;
    } else {
      const box: Box = { x: 0, y: 0, width: image.frame.width, height: image.frame.height };
      const [landmarks] = await engine.landmarksFor(image.frame, [box]);
      face = { box, score: 0, landmarks: landmarks! };
    }
    variants['dlib-chip'].push((await engine.embed(image.frame, face)).vector);
    variants['dlib-chip+flip'].push((await engine.embed(image.frame, face, { flip: true })).vector);
    variants['face-api-crop'].push((await engine.embed(image.frame, face, { alignment: 'face-api-crop' })).vector);
  }
  const adapter = engine.describeAdapter();
  engine.dispose();

  const results = Object.entries(variants).map(([variant, vectors]) => {
    const pairs: ScoredPair[] = [];
    for (let i = 0; i < images.length; i++) {
      for (let j = i + 1; j < images.length; j++) {
        pairs.push({
          fold: 1,
          same: images[i]!.person === images[j]!.person,
          distance: euclideanDistance(vectors[i]!, vectors[j]!),
        });
      }
    }
    const same = pairs.filter((p) => p.same);
    const different = pairs.filter((p) => !p.same);
    const at06 = {
      truePositiveRate: same.filter((p) => p.distance < 0.6).length / same.length,
      falseMatchRate: different.filter((p) => p.distance < 0.6).length / different.length,
    };
    return { variant, auc: rocAuc(pairs), samePairs: same.length, differentPairs: different.length, at06 };
  });
  const lines = [
    `BBT: ${images.length} crops of ${new Set(images.map((i) => i.person)).size} people; faces detected in ${detected}/${images.length} (others: whole crop as the landmark box)`,
    '| variant | AUC | TAR @0.6 | FMR @0.6 |',
    '|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.variant} | ${r.auc.toFixed(4)} | ${r.at06.truePositiveRate.toFixed(3)} | ${r.at06.falseMatchRate.toFixed(3)} |`,
    ),
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(root, 'results'), { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(
    join(root, 'results', `bbt-${date}.json`),
    JSON.stringify({ date, adapter, detected, images: images.length, results }, null, 2),
  );
  writeFileSync(join(root, 'results', `bbt-${date}.md`), `${lines.join('\n')}\n`);
}

runTool(main);
