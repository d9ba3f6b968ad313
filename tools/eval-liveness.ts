// Offline measurement of the liveness check on LFW, through the same LivenessCheck the app runs.
//
//   npm run eval:liveness -- [--lfw DIR] [--min-photos 10] [--max-photos 25] [--tilt-trials 400]
//                            [--bend-trials 300] [--out NAME] [--cache DIR] [--tracker-bench]
//
// BPCER: real pose sequences, photos of one person whose measured pose answers each asked action.
// APCER: a still photo (the neutral photo repeated), a tilted print and a bent print (the neutral photo
// rendered as a print turned ±10-45° about the vertical or horizontal axis, with jitter, its landmarks
// from the real landmark net through the app's FaceTracker), and a replay (a real sequence played in an
// order other than the one asked). People are split in two by a hash of their name: the parallax
// threshold is chosen on the calibration half and every rate is reported on both halves.
import './node-webgpu';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FaceEngine } from '../src/engine/index';
import { nodeFileSource } from '../src/engine/weights/node-source';
import type { ChallengeAction } from '../src/liveness/challenge';
import { estimateHeadPose, type HeadPose } from '../src/liveness/head-pose';
import { planarResidual } from '../src/liveness/homography';
import {
  actionHeld,
  FLAT_MAX_RESIDUAL,
  isFrontal,
  PITCH_AT_FRONTAL_DEG,
  PARALLAX_POINTS,
  RETURN_MAX_DELTA_DEG,
  type LivenessFailure,
} from '../src/liveness/liveness-check';
import { LandmarkSource } from './liveness/landmark-source';
import { renderPrint, type PrintPose } from './liveness/print-render';
import { seededRandom, simulate, type Presenter, type SimulationResult } from './liveness/simulate';
import { splitOf, type Split } from './liveness/split';
import { trackerBench } from './liveness/tracker-bench';
import { COUNT, numberOption, readOptions, runTool, WHOLE } from './cli';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const USAGE = `The liveness check on LFW (see tools/README.md)
  eval-liveness [--lfw DIR] [--min-photos 10] [--max-photos 25] [--tilt-trials 400] [--bend-trials 300]
                [--out NAME] [--cache DIR] [--tracker-bench]`;

interface Args {
  lfw: string;
  minPhotos: number;
  maxPhotos: number;
  tiltTrials: number;
  bendTrials: number;
  out: string;
  cache: string;
  trackerBench: boolean;
}

function readArgs(argv: string[]): Args {
  const values = readOptions(
    argv,
    {
      lfw: { type: 'string' },
      'min-photos': { type: 'string' },
      'max-photos': { type: 'string' },
      'tilt-trials': { type: 'string' },
      'bend-trials': { type: 'string' },
      out: { type: 'string' },
      cache: { type: 'string' },
      'tracker-bench': { type: 'boolean' },
    },
    USAGE,
  );
  return {
    lfw: resolve(values.lfw ?? join(ROOT, '../shared/faces/lfw')),
    minPhotos: numberOption(values['min-photos'], 'min-photos', COUNT, 10),
    maxPhotos: numberOption(values['max-photos'], 'max-photos', COUNT, 25),
    tiltTrials: numberOption(values['tilt-trials'], 'tilt-trials', WHOLE, 400),
    bendTrials: numberOption(values['bend-trials'], 'bend-trials', WHOLE, 300),
    out: values.out ?? `liveness-${new Date().toISOString().slice(0, 10)}`,
    cache: resolve(values.cache ?? join(ROOT, '.cache/liveness')),
    trackerBench: values['tracker-bench'] ?? false,
  };
}

interface Photo {
  name: string;
  path: string;
  landmarks: Float32Array;
  pose: HeadPose;
}

interface Person {
  name: string;
  split: Split;
  photos: Photo[];
}

const FRAME_MS = 100;
/** Prints are rendered at 5 frames/s, each render different (jitter). */
const PRINT_FRAME_MS = 200;
/** Distinct renders per asked action; the attacker then repeats them. */
const PRINT_RENDERS_PER_STEP = 4;
/** How long a replayed photo is shown before the next one. */
const REPLAY_PHOTO_MS = 800;
const SEQUENCES_PER_PERSON = 6;
const STILL_PER_PERSON = 3;
const MEASURES = { all: undefined, inner: PARALLAX_POINTS } as const;
type MeasureName = keyof typeof MEASURES;
const EXTRA: readonly ChallengeAction[] = ['look-up', 'open-mouth'];
const ALL_ACTIONS: readonly ChallengeAction[] = ['turn-left', 'turn-right', ...EXTRA];

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface GenuineSequence {
  person: Person;
  neutral: Photo;
  final: Photo;
  answers: Map<ChallengeAction, Photo>;
  actions: ChallengeAction[];
}

function genuineSequences(person: Person, random: () => number): GenuineSequence[] {
  const frontal = person.photos.filter((p) => isFrontal(p.pose));
  const sequences: GenuineSequence[] = [];
  for (const neutral of shuffle(frontal, random)) {
    if (sequences.length >= SEQUENCES_PER_PERSON) break;
    // A person doing what is asked: the photo answers that action and no other.
    const candidates = (action: ChallengeAction) =>
      person.photos.filter(
        (p) => p !== neutral && ALL_ACTIONS.every((a) => (a === action) === actionHeld(a, p.pose, neutral.pose)),
      );
    const left = candidates('turn-left');
    const right = candidates('turn-right');
    const extras = EXTRA.filter((a) => candidates(a).length > 0);
    if (left.length === 0 || right.length === 0 || extras.length === 0) continue;
    const extra = extras[Math.floor(random() * extras.length)]!;
    const pick = (photos: Photo[]) => photos[Math.floor(random() * photos.length)]!;
    const finals = frontal.filter(
      (p) =>
        Math.abs(p.pose.yawDeg - neutral.pose.yawDeg) <= RETURN_MAX_DELTA_DEG &&
        Math.abs(p.pose.pitchDeg - neutral.pose.pitchDeg) <= RETURN_MAX_DELTA_DEG,
    );
    const others = finals.filter((p) => p !== neutral);
    const answers = new Map<ChallengeAction, Photo>([
      ['turn-left', pick(left)],
      ['turn-right', pick(right)],
      [extra, pick(candidates(extra))],
    ]);
    sequences.push({
      person,
      neutral,
      final: others.length ? pick(others) : neutral,
      answers,
      actions: shuffle(['turn-left', 'turn-right', extra], random),
    });
  }
  return sequences;
}

/** A person answering: the photo for whatever step is asked. */
const answering =
  (s: GenuineSequence): Presenter =>
  async (asked) => {
    if (asked.status === 'neutral') return s.neutral.landmarks;
    if (asked.status === 'return') return s.final.landmarks;
    return s.answers.get(s.actions[asked.current]!)!.landmarks;
  };

/** A replay: the recorded sequence in its own order, whatever is asked. */
const replaying =
  (s: GenuineSequence): Presenter =>
  async (asked) => {
    const timeline = [s.neutral, ...s.actions.map((a) => s.answers.get(a)!), s.final];
    const index = Math.min(timeline.length - 1, Math.floor((asked.tick * FRAME_MS) / REPLAY_PHOTO_MS));
    return timeline[index]!.landmarks;
  };

const PERMUTATIONS = (actions: readonly ChallengeAction[]): ChallengeAction[][] =>
  actions.length <= 1
    ? [[...actions]]
    : actions.flatMap((a, i) =>
        PERMUTATIONS([...actions.slice(0, i), ...actions.slice(i + 1)]).map((rest) => [a, ...rest]),
      );

interface TrialRecord {
  split: Split;
  /** What was shown and asked, for accepted attacks and refused genuine sequences. */
  detail?: string;
  passed: boolean;
  failure?: LivenessFailure;
  /** For print attacks: did any turn reach the asked yaw (so the parallax check decided)? */
  reachedTurn?: boolean;
}

interface AttackTurnMeasure {
  split: Split;
  attack: 'tilted-print' | 'bent-print';
  measures: Record<MeasureName, number>;
  /** Largest yaw (degrees, towards the asked side, relative to the neutral frame) the print reached. */
  reachedYawDeg: number;
  angleDeg: number;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  const engine = await FaceEngine.create({ source: nodeFileSource(modelDir) });
  if (args.trackerBench) {
    await trackerBench(engine, args.lfw, resolve(ROOT, 'results'));
    engine.dispose();
    return;
  }
  const source = LandmarkSource.open(engine, join(args.cache, 'landmarks.jsonl'));
  const root = join(args.lfw, 'lfw-deepfunneled');
  const names = readdirSync(root).sort();
  const people: Person[] = [];
  const started = performance.now();
  let photosDone = 0;
  let lastLog = 0;
  const log = (line: string) => {
    if (performance.now() - lastLog > 20_000) {
      lastLog = performance.now();
      console.log(
        `${((performance.now() - started) / 1000).toFixed(0)} s: ${line} (${source.computed} landmark runs computed)`,
      );
    }
  };
  for (const name of names) {
    const files = readdirSync(join(root, name))
      .filter((f) => f.endsWith('.jpg'))
      .sort();
    if (files.length < args.minPhotos) continue;
    const photos: Photo[] = [];
    for (const file of files.slice(0, args.maxPhotos)) {
      const path = join(root, name, file);
      const { landmarks } = await source.photo(path);
      photos.push({ name: file, path, landmarks, pose: estimateHeadPose(landmarks) });
      photosDone++;
      log(`landmarks of ${photosDone} photos`);
    }
    people.push({ name, split: splitOf(name), photos });
  }
  console.log(`${people.length} people, ${photosDone} photos with landmarks`);

  const random = seededRandom(20261129);
  const genuine = people.flatMap((p) => genuineSequences(p, random));
  const outcome = (r: SimulationResult, split: Split, detail?: string): TrialRecord => ({
    split,
    ...(detail ? { detail } : {}),
    passed: r.progress.status === 'passed',
    ...(r.progress.failure ? { failure: r.progress.failure } : {}),
  });

  // BPCER: real pose sequences.
  const genuineTrials: TrialRecord[] = [];
  const genuineTurns: { split: Split; measures: Record<MeasureName, number>; checkMeasure: number[] }[] = [];
  for (const s of genuine) {
    const result = await simulate(s.actions, answering(s), FRAME_MS);
    const photos = [s.neutral, ...s.actions.map((a) => s.answers.get(a)!), s.final].map((p) => p.name).join(' ');
    genuineTrials.push(
      outcome(
        result,
        s.person.split,
        result.progress.status === 'passed'
          ? undefined
          : `${s.actions.join(',')}: ${photos}; turn parallax ${result.turnParallax.map((v) => v.toFixed(4)).join(', ')}`,
      ),
    );
    const measures = (['turn-left', 'turn-right'] as const).map((a) =>
      measureAll(s.neutral.landmarks, s.answers.get(a)!.landmarks),
    );
    for (const m of measures)
      genuineTurns.push({ split: s.person.split, measures: m, checkMeasure: result.turnParallax });
  }

  // APCER: replay in another order.
  const replayTrials: TrialRecord[] = [];
  for (const s of genuine) {
    for (const order of PERMUTATIONS(s.actions)) {
      if (order.join() === s.actions.join()) continue;
      const result = await simulate(order, replaying(s), FRAME_MS);
      const photos = [s.neutral, ...s.actions.map((a) => s.answers.get(a)!), s.final].map((p) => p.name).join(' ');
      replayTrials.push(
        outcome(
          result,
          s.person.split,
          result.progress.status === 'passed'
            ? `asked ${order.join(',')}, replayed ${s.actions.join(',')}: ${photos}`
            : undefined,
        ),
      );
    }
  }

  // APCER: a still photo, the neutral photo repeated.
  const stillTrials: TrialRecord[] = [];
  for (const person of people) {
    for (const photo of person.photos.filter((p) => isFrontal(p.pose)).slice(0, STILL_PER_PERSON)) {
      const actions = shuffle<ChallengeAction>(['turn-left', 'turn-right', EXTRA[Math.floor(random() * 2)]!], random);
      stillTrials.push(outcome(await simulate(actions, async () => photo.landmarks, FRAME_MS), person.split));
    }
  }

  // APCER: prints, held by an attacker who tilts them as each step asks.
  const neutrals = people.flatMap((person) =>
    person.photos.filter((p) => isFrontal(p.pose)).map((photo) => ({ person, photo })),
  );
  const printTrials = { 'tilted-print': [] as TrialRecord[], 'bent-print': [] as TrialRecord[] };
  const attackTurns: AttackTurnMeasure[] = [];
  const reached = { yaw: [] as number[], pitch: [] as number[] };
  for (const attack of ['tilted-print', 'bent-print'] as const) {
    const trials = attack === 'tilted-print' ? args.tiltTrials : args.bendTrials;
    const attackRandom = seededRandom(attack === 'tilted-print' ? 11 : 12);
    const chosen = shuffle(neutrals, attackRandom).slice(0, trials);
    for (const [index, { person, photo }] of chosen.entries()) {
      log(`${attack} trial ${index}/${chosen.length}`);
      const actions = shuffle<ChallengeAction>(['turn-left', 'turn-right', 'look-up'], attackRandom);
      const magnitude = new Map(actions.map((a) => [a, 10 + 35 * attackRandom()]));
      const base = {
        distance: 1.5 + 1.5 * attackRandom(),
        bendRadius: attack === 'bent-print' ? 0.4 + 0.8 * attackRandom() : Infinity,
      };
      const image = (await source.photo(photo.path)).image;
      let decoded: ReturnType<typeof image> | null = null;
      let previous = photo.landmarks;
      const rendered = new Map<string, Float32Array | null>();
      const trialId = `${attack}|${photo.path.slice(root.length + 1)}|${index}`;
      const stepFrames = new Map<ChallengeAction, Float32Array[]>();
      const present: Presenter = async (asked) => {
        if (asked.status !== 'action') {
          previous = photo.landmarks;
          return photo.landmarks;
        }
        const action = actions[asked.current]!;
        const k = asked.tickInStep % PRINT_RENDERS_PER_STEP;
        const recipe = `${trialId}|${action}|${k}`;
        if (!rendered.has(recipe)) {
          const jitter = seededRandom(hash(recipe));
          const j = (range: number) => (jitter() * 2 - 1) * range;
          const angle = magnitude.get(action)!;
          // The print side that must come nearer: the image's left for a left turn (the person's right
          // cheek comes forward), its right for a right turn, its bottom (the chin) for looking up.
          const pose: PrintPose = {
            ...base,
            aboutVerticalDeg: (action === 'turn-left' ? -angle : action === 'turn-right' ? angle : 0) + j(2),
            aboutHorizontalDeg: (action === 'look-up' ? -angle : 0) + j(2),
            rollDeg: j(3),
            shiftX: j(3),
            shiftY: j(3),
            scale: 1 + j(0.03),
          };
          const landmarks = await source.tracked(recipe, previous, () => renderPrint((decoded ??= image()), pose));
          rendered.set(recipe, landmarks);
          if (landmarks) stepFrames.set(action, [...(stepFrames.get(action) ?? []), landmarks]);
        }
        const landmarks = rendered.get(recipe)!;
        if (landmarks) previous = landmarks;
        return landmarks;
      };
      const result = await simulate(actions, present, PRINT_FRAME_MS);
      let reachedTurn = false;
      for (const [action, frames] of stepFrames) {
        const relative = frames
          .map((l) => estimateHeadPose(l))
          .map((p) =>
            action === 'turn-left'
              ? p.yawDeg - photo.pose.yawDeg
              : action === 'turn-right'
                ? photo.pose.yawDeg - p.yawDeg
                : p.pitchDeg - photo.pose.pitchDeg,
          );
        const best = Math.max(...relative);
        if (action === 'look-up') {
          reached.pitch.push(best);
          continue;
        }
        reached.yaw.push(best);
        if (frames.some((l) => actionHeld(action, estimateHeadPose(l), photo.pose))) reachedTurn = true;
        const perMeasure = Object.fromEntries(
          (Object.keys(MEASURES) as MeasureName[]).map((m) => [
            m,
            median(frames.map((l) => planarResidual(photo.landmarks, l, MEASURES[m]))),
          ]),
        ) as Record<MeasureName, number>;
        attackTurns.push({
          split: person.split,
          attack,
          measures: perMeasure,
          reachedYawDeg: best,
          angleDeg: magnitude.get(action)!,
        });
      }
      printTrials[attack].push({ ...outcome(result, person.split), reachedTurn });
    }
  }

  const fixtureCandidates = people.flatMap((person) => fixtureCandidate(person));
  const report = buildReport(
    args,
    people,
    genuine.length,
    new Set(genuine.map((s) => s.person.name)).size,
    {
      genuine: genuineTrials,
      still: stillTrials,
      tilted: printTrials['tilted-print'],
      bent: printTrials['bent-print'],
      replay: replayTrials,
    },
    genuineTurns,
    attackTurns,
    reached,
    source,
    fixtureCandidates,
  );
  mkdirSync(resolve(ROOT, 'results'), { recursive: true });
  writeFileSync(resolve(ROOT, 'results', `${args.out}.json`), JSON.stringify(report.json, null, 2) + '\n');
  writeFileSync(resolve(ROOT, 'results', `${args.out}.md`), report.markdown);
  console.log(report.markdown);
  engine.dispose();
}

interface FixtureCandidate {
  person: string;
  photos: Record<'neutral' | ChallengeAction, { file: string; pose: HeadPose }>;
  /** Parallax measure of the two turns. */
  parallax: [number, number];
}

/** For the end-to-end tests: one neutral photo and a photo answering each of the four actions. */
function fixtureCandidate(person: Person): FixtureCandidate[] {
  const actions: ChallengeAction[] = ['turn-left', 'turn-right', 'look-up', 'open-mouth'];
  for (const neutral of person.photos.filter((p) => isFrontal(p.pose))) {
    // The clearest answer to each action: the largest change in its own measure.
    const strength = (a: ChallengeAction, p: Photo) =>
      a === 'turn-left'
        ? p.pose.yawDeg - neutral.pose.yawDeg
        : a === 'turn-right'
          ? neutral.pose.yawDeg - p.pose.yawDeg
          : a === 'look-up'
            ? p.pose.pitchDeg - neutral.pose.pitchDeg
            : p.pose.mouthOpenness;
    const answers = actions.map((a) => {
      const ok = person.photos.filter(
        (p) =>
          p !== neutral &&
          actionHeld(a, p.pose, neutral.pose) &&
          actions.every((b) => b === a || !actionHeld(b, p.pose, neutral.pose)),
      );
      return ok.sort((x, y) => strength(a, y) - strength(a, x))[0];
    });
    if (answers.some((p) => !p)) continue;
    const entry = (p: Photo) => ({ file: p.name, pose: p.pose });
    return [
      {
        person: person.name,
        photos: {
          neutral: entry(neutral),
          ...Object.fromEntries(actions.map((a, i) => [a, entry(answers[i]!)])),
        } as FixtureCandidate['photos'],
        parallax: [
          planarResidual(neutral.landmarks, answers[0]!.landmarks, PARALLAX_POINTS),
          planarResidual(neutral.landmarks, answers[1]!.landmarks, PARALLAX_POINTS),
        ],
      },
    ];
  }
  return [];
}

function measureAll(from: Float32Array, to: Float32Array): Record<MeasureName, number> {
  return Object.fromEntries(
    (Object.keys(MEASURES) as MeasureName[]).map((m) => [m, planarResidual(from, to, MEASURES[m])]),
  ) as Record<MeasureName, number>;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

interface Rates {
  trials: number;
  accepted: number;
  rate: number;
  failures: Partial<Record<LivenessFailure, number>>;
  reachedTurn?: number;
}

function rates(trials: readonly TrialRecord[], genuine: boolean): Rates {
  const failures: Partial<Record<LivenessFailure, number>> = {};
  for (const t of trials) if (t.failure) failures[t.failure] = (failures[t.failure] ?? 0) + 1;
  const accepted = trials.filter((t) => t.passed).length;
  const reachedTurn = trials.some((t) => t.reachedTurn !== undefined)
    ? trials.filter((t) => t.reachedTurn).length
    : undefined;
  return {
    trials: trials.length,
    accepted,
    // BPCER: genuine refused; APCER: attacks accepted.
    rate: trials.length ? (genuine ? trials.length - accepted : accepted) / trials.length : NaN,
    failures,
    ...(reachedTurn !== undefined ? { reachedTurn } : {}),
  };
}

/** The threshold the calibration half supports: just above every attack turn's measure there. */
const CALIBRATION_MARGIN = 1.2;

function buildReport(
  args: Args,
  people: Person[],
  sequences: number,
  peopleWithSequences: number,
  trials: Record<'genuine' | 'still' | 'tilted' | 'bent' | 'replay', TrialRecord[]>,
  genuineTurns: { split: Split; measures: Record<MeasureName, number> }[],
  attackTurns: AttackTurnMeasure[],
  reached: { yaw: number[]; pitch: number[] },
  source: LandmarkSource,
  fixtureCandidates: FixtureCandidate[],
) {
  const splits: (Split | 'all')[] = ['calibration', 'held-out', 'all'];
  const bySplit = (t: readonly TrialRecord[], s: Split | 'all') => (s === 'all' ? t : t.filter((x) => x.split === s));
  const table = Object.fromEntries(
    (Object.keys(trials) as (keyof typeof trials)[]).map((k) => [
      k,
      Object.fromEntries(splits.map((s) => [s, rates(bySplit(trials[k], s), k === 'genuine')])),
    ]),
  ) as Record<keyof typeof trials, Record<Split | 'all', Rates>>;
  // Parallax measures: separation on the calibration half, and the threshold it supports.
  const calibration = Object.fromEntries(
    (Object.keys(MEASURES) as MeasureName[]).map((m) => {
      const attack = attackTurns.filter((t) => t.split === 'calibration').map((t) => t.measures[m]);
      const real = genuineTurns.filter((t) => t.split === 'calibration').map((t) => t.measures[m]);
      const threshold = Math.max(...attack) * CALIBRATION_MARGIN;
      const heldReal = genuineTurns.filter((t) => t.split === 'held-out').map((t) => t.measures[m]);
      const heldAttack = attackTurns.filter((t) => t.split === 'held-out').map((t) => t.measures[m]);
      return [
        m,
        {
          attackTurns: attack.length,
          attackMax: Math.max(...attack),
          attackP99: quantile(attack, 0.99),
          realTurns: real.length,
          realP01: quantile(real, 0.01),
          realP05: quantile(real, 0.05),
          realMedian: median(real),
          separation: quantile(real, 0.05) / Math.max(...attack),
          threshold,
          realTurnsBelowOnCalibration: real.filter((v) => v < threshold).length,
          realTurnsBelowOnHeldOut: heldReal.filter((v) => v < threshold).length,
          heldOutRealTurns: heldReal.length,
          heldOutAttackAbove: heldAttack.filter((v) => v >= threshold).length,
          heldOutAttackTurns: heldAttack.length,
        },
      ];
    }),
  );
  // The pitch the fit gives faces looking at the camera (PITCH_AT_FRONTAL_DEG): chosen on the calibration half.
  const pitchLevel = Object.fromEntries(
    splits.map((s) => {
      const pitches = people
        .filter((p) => s === 'all' || p.split === s)
        .flatMap((p) => p.photos.map((photo) => photo.pose.pitchDeg));
      return [
        s,
        { photos: pitches.length, median: median(pitches), p05: quantile(pitches, 0.05), p95: quantile(pitches, 0.95) },
      ];
    }),
  ) as Record<Split | 'all', { photos: number; median: number; p05: number; p95: number }>;
  const json = {
    date: new Date().toISOString(),
    lfw: relative(ROOT, args.lfw),
    people: {
      total: people.length,
      calibration: people.filter((p) => p.split === 'calibration').length,
      heldOut: people.filter((p) => p.split === 'held-out').length,
    },
    photos: people.reduce((n, p) => n + p.photos.length, 0),
    minPhotos: args.minPhotos,
    maxPhotos: args.maxPhotos,
    genuineSequences: sequences,
    peopleWithSequences,
    pitchLevel: { inCode: PITCH_AT_FRONTAL_DEG, ...pitchLevel },
    parallax: { measureInCode: 'inner', thresholdInCode: FLAT_MAX_RESIDUAL, calibration },
    rates: table,
    details: Object.fromEntries(
      (Object.keys(trials) as (keyof typeof trials)[]).map((k) => [
        k,
        trials[k].filter((t) => t.detail).map((t) => `${t.split}: ${t.failure ?? 'accepted'}: ${t.detail}`),
      ]),
    ),
    printReach: {
      turnsReachingYaw: reached.yaw.filter((y) => y >= 18).length,
      turns: reached.yaw.length,
      yawMedianDeg: median(reached.yaw),
      yawMaxDeg: Math.max(...reached.yaw),
      lookUpsReachingPitch: reached.pitch.filter((p) => p >= 10).length,
      lookUps: reached.pitch.length,
      pitchMedianDeg: median(reached.pitch),
    },
    landmarkRuns: { computed: source.computed, trackerRedetections: source.redetections, noFace: source.noFace },
    fixtureCandidates,
  };
  const pitchRow = (l: { photos: number; median: number; p05: number; p95: number }) =>
    `${l.median.toFixed(1)}° (${l.p05.toFixed(1)}° to ${l.p95.toFixed(1)}°, ${l.photos} photos)`;
  const pct = (r: Rates) => `${(100 * r.rate).toFixed(1)}% (${Math.round(r.rate * r.trials)}/${r.trials})`;
  const failureText = (r: Rates) =>
    Object.entries(r.failures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || '—';
  const rows = (Object.keys(table) as (keyof typeof table)[]).map((k) => {
    const label = {
      genuine: 'BPCER, real pose sequences',
      still: 'APCER, still photo',
      tilted: 'APCER, tilted print',
      bent: 'APCER, bent print',
      replay: 'APCER, replay in another order',
    }[k];
    const r = table[k];
    return `| ${label} | ${pct(r['calibration'])} | ${pct(r['held-out'])} | ${pct(r.all)} | ${failureText(r.all)}${r.all.reachedTurn !== undefined ? `; a turn reached in ${r.all.reachedTurn}` : ''} |`;
  });
  const calRows = Object.entries(calibration).map(
    ([m, c]) =>
      `| ${m} | ${c.attackTurns} | ${c.attackMax.toFixed(4)} | ${c.realTurns} | ${c.realP01.toFixed(4)} / ${c.realP05.toFixed(4)} / ${c.realMedian.toFixed(4)} | ${c.separation.toFixed(2)} | ${c.threshold.toFixed(4)} | ${c.realTurnsBelowOnCalibration}/${c.realTurns} | ${c.realTurnsBelowOnHeldOut}/${c.heldOutRealTurns} | ${c.heldOutAttackAbove}/${c.heldOutAttackTurns} |`,
  );
  const markdown = `# Liveness on LFW (${json.date.slice(0, 10)})

Generated by \`npm run eval:liveness\` (tools/eval-liveness.ts) through the app's LivenessCheck.
${json.people.total} people with ≥ ${args.minPhotos} photos (first ${args.maxPhotos} each, ${json.photos} photos);
calibration half ${json.people.calibration} people, held-out half ${json.people.heldOut} people (split by a hash of the name).
${sequences} real pose sequences from ${peopleWithSequences} people (photos of one person whose measured pose answers each asked action, up to
${SEQUENCES_PER_PERSON} per person). Code constant: FLAT_MAX_RESIDUAL = ${FLAT_MAX_RESIDUAL} on the 'inner' measure.

| | calibration | held-out | all | failures (all) |
|---|---|---|---|---|
${rows.join('\n')}

## Frontal pitch level (calibration half chooses)

The pitch the mean-face fit gives LFW photos (people photographed mostly looking at the camera), median
and 5-95% range: calibration half ${pitchRow(pitchLevel.calibration)}; held-out half ${pitchRow(pitchLevel['held-out'])}.
Code constant: PITCH_AT_FRONTAL_DEG = ${PITCH_AT_FRONTAL_DEG}.

## Parallax measure (calibration half chooses the threshold)

Measure: planarResidual (src/liveness/homography.ts), the RMS distance the best homography from the neutral
landmarks leaves, over the face height, median over a turn's frames. 'all' = 68 points, 'inner' = without the
jaw line (17-67). Attack turns: every turn step of the print attacks (reached or not). Threshold = max attack
measure on the calibration half × ${CALIBRATION_MARGIN}.

| measure | attack turns | attack max | real turns | real 1% / 5% / median | separation (real 5% / attack max) | threshold | real below (cal) | real below (held-out) | attacks above (held-out) |
|---|---|---|---|---|---|---|---|---|---|
${calRows.join('\n')}

## What these numbers do and do not say

- The real sequences are photos chosen because their measured pose answers the asked action (and no
  other), so they pass the pose steps by construction: BPCER here measures what else refuses a real
  face (parallax, track continuity, the exclusive-action rule), not whether people turn far enough.
  Each photo is a cut, not a video: a live camera moves continuously.
- The prints are refused mostly because a tilted or bent photo does not look turned to the pose fit
  (timeout); the parallax check is the second line. Its margin on its own is the table above: print
  turn measures against real turn measures on the held-out half.
- The still photo is the neutral photo's landmarks repeated exactly; a hand-held photo adds jitter,
  which the pose thresholds (18° / 10°) are far above.

## How far the prints got

Turn steps where a print reached the asked yaw (≥ 18° from the neutral frame): ${json.printReach.turnsReachingYaw}/${json.printReach.turns}
(median best yaw ${json.printReach.yawMedianDeg.toFixed(1)}°, max ${json.printReach.yawMaxDeg.toFixed(1)}°); look-up steps reaching the
asked pitch: ${json.printReach.lookUpsReachingPitch}/${json.printReach.lookUps} (median ${json.printReach.pitchMedianDeg.toFixed(1)}°).
Landmark runs computed this run: ${source.computed} (tracker re-detections ${source.redetections}, no face ${source.noFace}).
`;
  return { json, markdown };
}

runTool(main);
