// A projection head on our dlib descriptors of LFW View 2, trained and measured by LFW's "unrestricted,
// labeled outside data" protocol: for each fold, the head (dense 128 → 128 + L2-normalise, softmax +
// lambda · center loss; src/engine/training/head-trainer.ts) is trained on the people of the other folds
// only (the folds are person-disjoint; every View-2 image of theirs with a cached descriptor, people with
// at least 2 images as classes), then scores the held-out fold's pairs. Compared on the same pairs with
// the raw descriptor + Euclidean distance (the app's rule) and the L2-normalised descriptor + cosine.
// Descriptors come from eval-lfw's cache (`npm run eval:lfw -- --compute-only`); nothing is computed here.
//
//   npm run train:head -- [--cache DIR] [--lfw DIR] [--pairs CSV] [--folds 1-10] [--variant ID] [--epochs 30]
//                         [--batch 128] [--lr 0.01] [--lambda 0.1] [--alpha 0.5] [--scale 16] [--seed 1]
//                         [--far 1e-3] [--out NAME] [--no-write]
import './node-webgpu';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GpuContext } from '../src/engine/gpu-context';
import { ProjectionHeadTrainer } from '../src/engine/training/head-trainer';
import { headInitialise, type ProjectionHeadConfig } from '../src/engine/training/projection-head';
import { Rng } from '../src/engine/training/rng';
import type { TrainerOptions } from '../src/engine/training/trainer';
import { COUNT, NON_NEGATIVE, numberOption, POSITIVE, RATE, readOptions, runTool, WHOLE } from './cli';
import { euclidean, round, roundDeep } from './lfw/evaluate';
import { cosineDistance, hardImpostors, type Embedded } from './lfw/hard-impostors';
import { operatingPoint, verificationMetrics, type ScoredPair, type VerificationMetrics } from './lfw/metrics';
import { OUR_PIPELINE_VERSION, type OurRecord } from './lfw/our-pipeline';
import { parseFolds, readPairs, type LfwPair } from './lfw/pairs';
import { toJson } from './lfw/report';
import { decodeVector, JsonlStore, sha256 } from './lfw/store';
import { DEFAULT_VARIANT, parseVariant } from './lfw/variants';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIMS = 128;

interface Args {
  cache: string;
  lfw: string;
  pairs?: string;
  folds: number[];
  variant: string;
  epochs: number;
  trainer: TrainerOptions;
  scale: number;
  seed: number;
  far: number;
  out?: string;
  write: boolean;
}

const USAGE = `Projection head on LFW View 2 by the unrestricted protocol (see tools/README.md)
  train-head [--cache DIR] [--lfw DIR] [--pairs CSV] [--folds 1-10] [--variant ID] [--epochs 30] [--batch 128]
             [--lr 0.01] [--lambda 0.1] [--alpha 0.5] [--scale 16] [--seed 1] [--far 1e-3] [--out NAME] [--no-write]`;

function readArgs(argv: string[]): Args {
  const values = readOptions(
    argv,
    {
      cache: { type: 'string' },
      lfw: { type: 'string' },
      pairs: { type: 'string' },
      folds: { type: 'string' },
      variant: { type: 'string' },
      epochs: { type: 'string' },
      batch: { type: 'string' },
      lr: { type: 'string' },
      lambda: { type: 'string' },
      alpha: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      far: { type: 'string' },
      out: { type: 'string' },
      'no-write': { type: 'boolean' },
    },
    USAGE,
  );
  const epochs = numberOption(values.epochs, 'epochs', COUNT, 30);
  const lambda = numberOption(values.lambda, 'lambda', NON_NEGATIVE, 0.1);
  const alpha = numberOption(values.alpha, 'alpha', POSITIVE, 0.5);
  return {
    cache: resolve(values.cache ?? join(ROOT, '.cache/lfw')),
    lfw: resolve(values.lfw ?? join(ROOT, '../shared/faces/lfw')),
    pairs: values.pairs === undefined ? undefined : resolve(values.pairs),
    folds: parseFolds(values.folds ?? '1-10'),
    variant: parseVariant(values.variant ?? DEFAULT_VARIANT).id,
    epochs,
    trainer: {
      batchSize: numberOption(values.batch, 'batch', COUNT, 128),
      learningRate: numberOption(values.lr, 'lr', POSITIVE, 0.01),
      momentum: 0.9,
      weightDecay: 5e-4,
      // The schedule's decay epochs scale with the epoch count (2/3 and 9/10 of the way).
      decayEpochs: [Math.round((epochs * 2) / 3), Math.round((epochs * 9) / 10)],
      decay: 0.1,
      lossEvery: 50,
      seed: 1,
      // lambda 0 trains with softmax alone (the center loss's ablation).
      ...(lambda > 0 ? { centerLoss: { lambda, alpha } } : {}),
    },
    scale: numberOption(values.scale, 'scale', POSITIVE, 16),
    seed: numberOption(values.seed, 'seed', WHOLE, 1),
    far: numberOption(values.far, 'far', RATE, 1e-3),
    out: values.out,
    write: !values['no-write'],
  };
}

/** LFW's folder layout: lfw-deepfunneled/<person>/<person>_NNNN.jpg. */
const personOf = (image: string): string => image.split('/').at(-2)!;

interface Method {
  id: 'raw-euclidean' | 'raw-cosine' | 'head';
  name: string;
}
const METHODS: Method[] = [
  { id: 'raw-euclidean', name: 'raw descriptor, Euclidean (the app today)' },
  { id: 'raw-cosine', name: 'raw descriptor L2-normalised, cosine' },
  { id: 'head', name: 'trained head (128→128 + L2, softmax + center loss), cosine' },
];

interface FoldTraining {
  fold: number;
  classes: number;
  trainingImages: number;
  /** Training images left out: their person has a single image among the training folds. */
  singletons: number;
  steps: number;
  firstLoss: { softmax: number; center: number };
  lastLoss: { softmax: number; center: number };
  seconds: number;
}

interface HardResult {
  fold: number;
  pairs: number;
  threshold: number;
  falseMatches: number;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const started = performance.now();
  const pairsFile = args.pairs ?? join(args.lfw, 'pairs_view2_resolved.csv');
  const allPairs = readPairs(pairsFile).filter((p) => args.folds.includes(p.fold));

  // Images per fold (each image belongs to one fold: the folds are person-disjoint) and their descriptors.
  const foldOf = new Map<string, number>();
  const foldOfPerson = new Map<string, number>();
  for (const p of allPairs) {
    for (const image of [p.imageA, p.imageB]) {
      const person = personOf(image);
      const known = foldOfPerson.get(person);
      if (known !== undefined && known !== p.fold)
        throw new Error(`${person} appears in folds ${known} and ${p.fold}: the folds must be person-disjoint`);
      foldOfPerson.set(person, p.fold);
      foldOf.set(image, p.fold);
    }
  }
  const store = new JsonlStore<OurRecord>(join(args.cache, 'ours.jsonl'));
  const pipelineTag = `ours:${OUR_PIPELINE_VERSION}:${args.variant}`;
  const bySha = new Map<string, { vector: Float32Array; modelId: string }>();
  for (const record of store.values()) {
    if (record.kind !== 'embedding') continue;
    const [sha, tag, modelId] = record.key.split('|');
    if (tag === pipelineTag) bySha.set(sha!, { vector: decodeVector(record.vector), modelId: modelId! });
  }
  const models = new Set([...bySha.values()].map((r) => r.modelId));
  if (models.size > 1) throw new Error(`the cache holds descriptors of several models (${[...models].join(', ')})`);
  const descriptor = new Map<string, Float32Array>();
  for (const image of foldOf.keys()) {
    const found = bySha.get(sha256(readFileSync(join(args.lfw, image))));
    if (found) descriptor.set(image, found.vector);
  }
  const pairs = allPairs.filter((p) => descriptor.has(p.imageA) && descriptor.has(p.imageB));
  const folds = args.folds.filter((f) => pairs.some((p) => p.fold === f));
  console.log(
    `${descriptor.size} of ${foldOf.size} images have ${args.variant} descriptors in ${relative(ROOT, args.cache) || '.'}; ` +
      `${pairs.length} of ${allPairs.length} pairs scoreable, in folds ${folds.join(',')}`,
  );
  if (folds.length < 2) throw new Error('need at least 2 folds with descriptors (the protocol trains on the others)');

  const context = await GpuContext.create();
  // Held-out embedding of every image under each method: a fold's images by the head trained without it.
  const embedded = new Map<Method['id'], Map<string, Float32Array>>(METHODS.map((m) => [m.id, new Map()]));
  for (const [image, vector] of descriptor) {
    embedded.get('raw-euclidean')!.set(image, vector);
    embedded.get('raw-cosine')!.set(image, vector);
  }
  const training: FoldTraining[] = [];
  for (const fold of folds) {
    const t0 = performance.now();
    const trainImages = [...descriptor.keys()].filter(
      (image) => folds.includes(foldOf.get(image)!) && foldOf.get(image) !== fold,
    );
    const byPerson = new Map<string, string[]>();
    for (const image of trainImages) {
      const person = personOf(image);
      byPerson.set(person, [...(byPerson.get(person) ?? []), image]);
    }
    const people = [...byPerson.keys()].filter((p) => byPerson.get(p)!.length >= 2).sort();
    const rows = people.flatMap((person, label) =>
      byPerson
        .get(person)!
        .sort()
        .map((image) => ({ image, label })),
    );
    const vectors = new Float32Array(rows.length * DIMS);
    rows.forEach((r, i) => vectors.set(descriptor.get(r.image)!, i * DIMS));
    const labels = Uint32Array.from(rows, (r) => r.label);
    const config: ProjectionHeadConfig = {
      inputDims: DIMS,
      embeddingDims: DIMS,
      classes: people.length,
      scale: args.scale,
    };
    const seed = args.seed * 100 + fold;
    const trainer = ProjectionHeadTrainer.create(
      context,
      config,
      { ...args.trainer, seed },
      headInitialise(config, new Rng(seed)),
    );
    const losses = [];
    for (let e = 0; e < args.epochs; e++) {
      const records = await trainer.epoch({ vectors, labels });
      losses.push(...records);
      const last = records.at(-1)!;
      if (e === 0 || (e + 1) % 10 === 0 || e + 1 === args.epochs)
        console.log(
          `fold ${fold}: epoch ${e + 1}/${args.epochs}, softmax ${last.softmax.toFixed(4)}, center ${last.center.toFixed(4)}, lr ${last.learningRate}`,
        );
    }
    const testImages = [...descriptor.keys()].filter((image) => foldOf.get(image) === fold);
    const testVectors = new Float32Array(testImages.length * DIMS);
    testImages.forEach((image, i) => testVectors.set(descriptor.get(image)!, i * DIMS));
    const out = await trainer.embed(testVectors);
    testImages.forEach((image, i) => embedded.get('head')!.set(image, out.slice(i * DIMS, (i + 1) * DIMS)));
    training.push({
      fold,
      classes: people.length,
      trainingImages: rows.length,
      singletons: trainImages.length - rows.length,
      steps: trainer.steps,
      firstLoss: { softmax: losses[0]!.softmax, center: losses[0]!.center },
      lastLoss: { softmax: losses.at(-1)!.softmax, center: losses.at(-1)!.center },
      seconds: (performance.now() - t0) / 1000,
    });
    console.log(
      `fold ${fold}: ${people.length} classes, ${rows.length} training images, ${trainer.steps} steps in ${training.at(-1)!.seconds.toFixed(1)} s`,
    );
    trainer.destroy();
  }
  await context.dispose();

  const distanceOf = (method: Method['id']) => (method === 'raw-euclidean' ? euclidean : cosineDistance);
  const results = METHODS.map((method) => {
    const vectors = embedded.get(method.id)!;
    const distance = distanceOf(method.id);
    const scored: (ScoredPair & { index: number })[] = pairs.map((p: LfwPair) => ({
      index: p.index,
      fold: p.fold,
      same: p.same,
      distance: distance(vectors.get(p.imageA)!, vectors.get(p.imageB)!),
    }));
    const metrics = verificationMetrics(scored, { targetFalseMatchRate: args.far });
    // Hard impostors of each fold, judged at the operating threshold (FMR = far) chosen on the other folds.
    const hard: HardResult[] = folds.map((fold) => {
      const threshold = operatingPoint(
        scored.filter((p) => p.fold !== fold),
        args.far,
      ).threshold;
      const items: Embedded[] = [...vectors.keys()]
        .filter((image) => foldOf.get(image) === fold)
        .map((image) => ({ image, person: personOf(image), vector: vectors.get(image)! }));
      const impostors = hardImpostors(items, distance);
      return {
        fold,
        pairs: impostors.length,
        threshold,
        falseMatches: impostors.filter((p) => p.distance <= threshold).length,
      };
    });
    return { method, metrics, hard, scored };
  });

  const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
  const tar = (m: VerificationMetrics) => m.tarAtFar.find((t) => t.far === args.far)?.tar ?? Number.NaN;
  const hardRate = (hard: HardResult[]) => {
    const n = hard.reduce((s, h) => s + h.pairs, 0);
    const k = hard.reduce((s, h) => s + h.falseMatches, 0);
    return { n, k, rate: n ? k / n : Number.NaN };
  };
  for (const r of results) {
    const h = hardRate(r.hard);
    console.log(
      `${r.method.name}: ${pct(r.metrics.tenFold.meanAccuracy)} ± ${pct(r.metrics.tenFold.standardError)}, AUC ${r.metrics.auc.toFixed(4)}, ` +
        `TAR ${pct(tar(r.metrics))} @ FAR ${args.far}, hard-impostor FMR ${pct(h.rate)} (${h.k}/${h.n})`,
    );
  }
  const [raw, cosine, head] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
  const better = (r: typeof raw) =>
    r.metrics.tenFold.meanAccuracy > raw.metrics.tenFold.meanAccuracy && tar(r.metrics) > tar(raw.metrics);
  const fullRun = folds.length === 10 && pairs.length === 6000;
  const decision = [
    `Ship rule (issue 13): a method replaces the app's raw Euclidean rule only if it improves both the ${folds.length}-fold accuracy and TAR at FAR ${args.far} over it on the same pairs.`,
    `raw cosine: accuracy ${pct(cosine.metrics.tenFold.meanAccuracy)} vs ${pct(raw.metrics.tenFold.meanAccuracy)}, TAR ${pct(tar(cosine.metrics))} vs ${pct(tar(raw.metrics))}: ${better(cosine) ? 'improves both' : 'does not improve both'}.`,
    `trained head: accuracy ${pct(head.metrics.tenFold.meanAccuracy)} vs ${pct(raw.metrics.tenFold.meanAccuracy)}, TAR ${pct(tar(head.metrics))} vs ${pct(tar(raw.metrics))}: ${better(head) ? 'improves both' : 'does not improve both'}.`,
    fullRun
      ? 'A method that improves both would still need a calibration and template-versioning step before it enters the app; this tool does not change the app.'
      : `This run covers ${pairs.length} of 6,000 pairs in ${folds.length} folds: not a basis for a ship decision either way.`,
  ];
  for (const line of decision) console.log(line);
  if (!args.write) return;

  const generated = new Date().toISOString();
  const base = args.out ?? `lfw-head-${generated.slice(0, 10)}${fullRun ? '' : `-folds${folds.join('')}`}`;
  const settings = {
    pairsFile: relative(ROOT, pairsFile),
    variant: args.variant,
    folds: folds.join(','),
    pairs: pairs.length,
    images: descriptor.size,
    epochs: args.epochs,
    batchSize: args.trainer.batchSize,
    learningRate: args.trainer.learningRate,
    schedule: `×${args.trainer.decay} at epochs ${args.trainer.decayEpochs.join(', ')}`,
    momentum: args.trainer.momentum,
    weightDecay: args.trainer.weightDecay,
    centerLoss: args.trainer.centerLoss
      ? `lambda ${args.trainer.centerLoss.lambda}, alpha ${args.trainer.centerLoss.alpha}`
      : 'none',
    logitScale: args.scale,
    seed: args.seed,
    targetFalseMatchRate: args.far,
    seconds: Math.round((performance.now() - started) / 1000),
  };
  const json = {
    generated,
    settings,
    methods: results.map((r) => ({
      id: r.method.id,
      name: r.method.name,
      metrics: roundDeep(r.metrics),
      hardImpostors: { ...roundDeep(hardRate(r.hard)), folds: roundDeep(r.hard) },
      distances: r.scored.map((p) => [p.index, round(p.distance, 5)]),
    })),
    training: roundDeep(training),
    decision,
    notes: NOTES,
  };
  const dir = join(ROOT, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${base}.json`), toJson(json) + '\n');
  const lines = [
    `# Projection head on LFW View 2, unrestricted protocol (${generated.slice(0, 10)})`,
    '',
    `Generated ${generated} by \`npm run train:head\` (tools/train-head.ts).`,
    '',
    '## Settings',
    '',
    ...Object.entries(settings).map(([k, v]) => `- ${k}: ${String(v)}`),
    '',
    '## Results',
    '',
    `| method | ${folds.length}-fold accuracy | AUC | EER | TAR@FAR ${args.far} | hard-impostor FMR at the FMR-${args.far} threshold |`,
    '|---|---|---|---|---|---|',
    ...results.map((r) => {
      const h = hardRate(r.hard);
      return `| ${r.method.name} | ${pct(r.metrics.tenFold.meanAccuracy)} ± ${pct(r.metrics.tenFold.standardError)} | ${r.metrics.auc.toFixed(4)} | ${pct(r.metrics.eer)} | ${pct(tar(r.metrics))} | ${pct(h.rate)} (${h.k} of ${h.n}) |`;
    }),
    '',
    '## Decision',
    '',
    ...decision.map((d) => `- ${d}`),
    '',
    '## Per fold',
    '',
    `| fold | classes | training images (singletons left out) | steps | loss first → last (softmax, center) | s | ${METHODS.map((m) => `${m.id} acc`).join(' | ')} |`,
    `|---|---|---|---|---|---|${METHODS.map(() => '---').join('|')}|`,
    ...training.map((t) => {
      const acc = results.map((r) => pct(r.metrics.tenFold.folds.find((f) => f.fold === t.fold)!.accuracy));
      return `| ${t.fold} | ${t.classes} | ${t.trainingImages} (${t.singletons}) | ${t.steps} | ${t.firstLoss.softmax.toFixed(3)}, ${t.firstLoss.center.toFixed(3)} → ${t.lastLoss.softmax.toFixed(3)}, ${t.lastLoss.center.toFixed(3)} | ${t.seconds.toFixed(0)} | ${acc.join(' | ')} |`;
    }),
    '',
    '## Notes',
    '',
    ...NOTES.map((n) => `- ${n}`),
    '',
  ];
  writeFileSync(join(dir, `${base}.md`), lines.join('\n'));
  console.log(`wrote results/${base}.json, results/${base}.md`);
}

const NOTES = [
  'Every pair is scored by a head that never saw its fold: the head of fold f is trained on the people of the other folds only (View 2 folds are person-disjoint, which the tool checks).',
  "Metrics are eval-lfw's (tools/lfw/metrics.ts) on the pooled held-out distances: each fold's accuracy at the threshold that maximises accuracy on the other folds; AUC, EER and TAR@FAR over all pairs. The heads of different folds are different models, so pooling their distances can only cost the head, never help it.",
  'Distances: Euclidean for the raw descriptor; 1 − cosine for the normalised descriptor and for the head (its output has unit length).',
  "Hard impostors: within each fold's images, each image paired with its nearest neighbour of another person under the method's own distance (each unordered pair once); FMR is the share of those pairs accepted at the threshold whose FMR over the other folds' different-person pairs is at most the target (the app's kind of operating point, chosen without the fold).",
  'The head starts as the identity (its output before training is the normalised descriptor, method 2), so whatever differs is what training did. Logits are scale · (yW + b) on the unit-length embedding y; center loss acts on y.',
  "Descriptors are the app pipeline's (eval-lfw, flip-averaged), so flips give no augmentation here; no other augmentation is possible on fixed descriptors.",
];

runTool(main);
