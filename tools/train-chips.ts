// Aligned grayscale face chips of the LFW people with the most photos, for the training experiment:
// the engine finds each face and its 68 landmarks (second landmark pass on the landmarks' own box),
// alignment.ts fits dlib's chip geometry, and the chip is sampled bilinearly here on the CPU.
// Resumable: chips already in the cache file's JSON-lines log are not recomputed.
//
//   npm run train:chips -- [--lfw DIR] [--people 10] [--per-person 40] [--test-fraction 0.25] [--size 64]
//                          [--out FILE] [--lab-out FILE --lab-train 16 --lab-test 6]
// --lab-out also writes the Lab view's small set: the first lab-train training and lab-test test chips
// of each person.
import './node-webgpu';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { getFaceChipDetails, applyAffine, type Point } from '../src/engine/alignment';
import { FaceEngine, type RgbaImage } from '../src/engine/index';
import { encodeChipSet, type ChipSet } from '../src/engine/training/chip-set';
import { nodeFileSource } from '../src/engine/weights/node-source';
import { COUNT, numberOption, RATE, readOptions, runTool } from './cli';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PADDING = 0.25;

const USAGE = `Aligned LFW face chips for the training experiment (see tools/README.md)
  train-chips [--lfw DIR] [--people 10] [--per-person 40] [--test-fraction 0.25] [--size 64] [--out FILE]
              [--lab-out FILE --lab-train 16 --lab-test 6]`;

interface Args {
  lfw: string;
  people: number;
  perPerson: number;
  testFraction: number;
  size: number;
  out: string;
  labOut?: string;
  labTrain: number;
  labTest: number;
}

function readArgs(argv: string[]): Args {
  const values = readOptions(
    argv,
    {
      lfw: { type: 'string' },
      people: { type: 'string' },
      'per-person': { type: 'string' },
      'test-fraction': { type: 'string' },
      size: { type: 'string' },
      out: { type: 'string' },
      'lab-out': { type: 'string' },
      'lab-train': { type: 'string' },
      'lab-test': { type: 'string' },
    },
    USAGE,
  );
  return {
    lfw: resolve(values.lfw ?? join(ROOT, '../shared/faces/lfw')),
    people: numberOption(values.people, 'people', COUNT, 10),
    perPerson: numberOption(values['per-person'], 'per-person', COUNT, 40),
    testFraction: numberOption(values['test-fraction'], 'test-fraction', RATE, 0.25),
    size: numberOption(values.size, 'size', COUNT, 64),
    out: resolve(values.out ?? join(ROOT, '.cache/train/lfw-chips-64.bin')),
    labOut: values['lab-out'] === undefined ? undefined : resolve(values['lab-out']),
    labTrain: numberOption(values['lab-train'], 'lab-train', COUNT, 16),
    labTest: numberOption(values['lab-test'], 'lab-test', COUNT, 6),
  };
}

/** Bilinear grayscale (ITU-R BT.601 luma) sample of `image` through the chip -> frame matrix. */
function sampleChip(image: RgbaImage, landmarks: Float32Array, size: number): Uint8Array {
  const points: Point[] = Array.from({ length: 68 }, (_, i) => [landmarks[2 * i]!, landmarks[2 * i + 1]!] as const);
  const { matrix } = getFaceChipDetails(points, size, PADDING);
  const chip = new Uint8Array(size * size);
  const luma = (x: number, y: number): number => {
    const cx = Math.min(Math.max(x, 0), image.width - 1);
    const cy = Math.min(Math.max(y, 0), image.height - 1);
    const o = (cy * image.width + cx) * 4;
    return 0.299 * image.data[o]! + 0.587 * image.data[o + 1]! + 0.114 * image.data[o + 2]!;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [fx, fy] = applyAffine(matrix, [x, y]);
      const x0 = Math.floor(fx),
        y0 = Math.floor(fy);
      const ax = fx - x0,
        ay = fy - y0;
      const top = luma(x0, y0) * (1 - ax) + luma(x0 + 1, y0) * ax;
      const bottom = luma(x0, y0 + 1) * (1 - ax) + luma(x0 + 1, y0 + 1) * ax;
      chip[y * size + x] = Math.round(top * (1 - ay) + bottom * ay);
    }
  }
  return chip;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const root = join(args.lfw, 'lfw-deepfunneled');
  if (!existsSync(root)) throw new Error(`LFW images not found at ${root} (pass --lfw DIR)`);
  const people = readdirSync(root)
    .map((name) => ({
      name,
      files: readdirSync(join(root, name))
        .filter((f) => f.endsWith('.jpg'))
        .sort(),
    }))
    .sort((a, b) => b.files.length - a.files.length || a.name.localeCompare(b.name))
    .slice(0, args.people);
  mkdirSync(dirname(args.out), { recursive: true });
  const log = `${args.out}.jsonl`;
  const done = new Map<string, number[] | null>();
  if (existsSync(log)) {
    for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
      const record = JSON.parse(line) as { source: string; chip: number[] | null };
      done.set(record.source, record.chip);
    }
  }
  const require = createRequire(import.meta.url);
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  const engine = await FaceEngine.create({ source: nodeFileSource(modelDir) });
  const set: ChipSet = {
    size: args.size,
    classes: people.map((p) => p.name),
    chips: [],
    provenance:
      "Labeled Faces in the Wild (deep-funneled), University of Massachusetts Amherst; aligned by Faceprint's engine. For research use.",
    pixels: new Uint8Array(0),
  };
  const chips: Uint8Array[] = [];
  let missed = 0;
  for (const [label, person] of people.entries()) {
    const files = person.files.slice(0, args.perPerson);
    const kept: { source: string; chip: Uint8Array }[] = [];
    for (const file of files) {
      const source = `${person.name}/${file}`;
      let chip = done.get(source);
      if (chip === undefined) {
        const decoded = jpeg.decode(readFileSync(join(root, source)), { useTArray: true, formatAsRGBA: true });
        const image: RgbaImage = { width: decoded.width, height: decoded.height, data: decoded.data };
        const started = performance.now();
        const analysis = await engine.analyze(image, { refineLandmarks: true });
        chip = analysis.target ? Array.from(sampleChip(image, analysis.target.landmarks, args.size)) : null;
        appendFileSync(log, `${JSON.stringify({ source, chip })}\n`);
        process.stdout.write(`${source} ${chip ? 'ok' : 'no face'} ${(performance.now() - started).toFixed(0)} ms\n`);
      }
      if (chip) kept.push({ source, chip: Uint8Array.from(chip) });
      else missed++;
    }
    // Per person: the last quarter of the photos (by file name) is the test split.
    const testFrom = kept.length - Math.round(kept.length * args.testFraction);
    kept.forEach((k, i) => {
      set.chips.push({ label, test: i >= testFrom, source: k.source });
      chips.push(k.chip);
    });
  }
  engine.dispose();
  const pixels = new Uint8Array(chips.length * args.size * args.size);
  chips.forEach((chip, i) => pixels.set(chip, i * args.size * args.size));
  writeFileSync(args.out, encodeChipSet({ ...set, pixels }));
  console.log(`${chips.length} chips of ${set.classes.length} people (${missed} without a face) -> ${args.out}`);
  if (args.labOut) {
    const picked = set.chips.flatMap((chip, i) => {
      const rank = set.chips.slice(0, i).filter((c) => c.label === chip.label && c.test === chip.test).length;
      return rank < (chip.test ? args.labTest : args.labTrain) ? [i] : [];
    });
    const area = args.size * args.size;
    const labPixels = new Uint8Array(picked.length * area);
    picked.forEach((chipIndex, row) =>
      labPixels.set(pixels.subarray(chipIndex * area, (chipIndex + 1) * area), row * area),
    );
    mkdirSync(dirname(args.labOut), { recursive: true });
    writeFileSync(args.labOut, encodeChipSet({ ...set, chips: picked.map((i) => set.chips[i]!), pixels: labPixels }));
    console.log(`${picked.length} chips -> ${args.labOut}`);
  }
}

runTool(main);
