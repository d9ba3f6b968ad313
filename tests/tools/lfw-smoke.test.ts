// Smoke test of the LFW evaluation tool's pipeline on four pairs copied into tests/fixtures/lfw (no
// dependency on ../shared): our engine computes the descriptors through the tool's cached pipeline,
// same-person pairs come out closer than different-person pairs, the cache reloads, and the metrics run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { buildReport, scorePairs, type ImageResult } from '../../tools/lfw/evaluate';
import { OurPipeline, embeddingKey, type OurRecord } from '../../tools/lfw/our-pipeline';
import { readPairs, uniqueImages } from '../../tools/lfw/pairs';
import { decodeVector, JsonlStore, sha256 } from '../../tools/lfw/store';
import { DEFAULT_VARIANT, parseVariant } from '../../tools/lfw/variants';
import { rocSvg, markdownSummary } from '../../tools/lfw/report';
import { decodeJpeg } from '../helpers/images';
import { modelDir } from '../helpers/models';

const FIXTURES = join(import.meta.dirname, '../fixtures/lfw');
const pairs = readPairs(join(FIXTURES, 'pairs.csv'));
const images = uniqueImages(pairs);
const variant = parseVariant(DEFAULT_VARIANT);

let cacheDir: string;
let pipeline: OurPipeline;
const results = new Map<string, ImageResult>();

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'lfw-smoke-'));
  const store = new JsonlStore<OurRecord>(join(cacheDir, 'ours.jsonl'));
  pipeline = await OurPipeline.create(nodeFileSource(modelDir()), store, variant);
  for (const image of images) {
    const path = join(FIXTURES, image);
    const sha = sha256(readFileSync(path));
    await pipeline.process(image, sha, decodeJpeg(path), [variant]);
    const record = store.get(embeddingKey(sha, variant.id, pipeline.modelId));
    if (record?.kind === 'embedding')
      results.set(image, { vector: decodeVector(record.vector), fallback: record.fallback });
  }
  // Loading the engine and running eight images on a software adapter: allow for a loaded machine.
}, 600_000);

afterAll(async () => {
  await pipeline?.dispose();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

describe('LFW evaluation pipeline (4 fixture pairs)', () => {
  it('finds a face on every image and caches one analysis and one descriptor per image', () => {
    expect(results.size).toBe(images.length);
    for (const r of results.values()) {
      expect(r.fallback).toBe(false);
      expect(r.vector.length).toBe(128);
    }
    const reloaded = new JsonlStore<OurRecord>(join(cacheDir, 'ours.jsonl'));
    expect(reloaded.size).toBe(2 * images.length);
    expect(reloaded.skippedLines).toBe(0);
    const sha = sha256(readFileSync(join(FIXTURES, images[0]!)));
    expect(pipeline.isDone(sha, [variant])).toBe(true);
  });

  it('same-person pairs are closer than different-person pairs', () => {
    const { scored, missing } = scorePairs(pairs, results);
    expect(missing).toBe(0);
    const same = scored.filter((p) => p.same).map((p) => p.distance);
    const different = scored.filter((p) => !p.same).map((p) => p.distance);
    expect(Math.max(...same)).toBeLessThan(Math.min(...different));
    // dlib's default threshold separates these clear cases too.
    expect(Math.max(...same)).toBeLessThan(0.6);
    expect(Math.min(...different)).toBeGreaterThan(0.6);
  });

  it('the metrics and report builders run on the scored pairs', () => {
    const { scored } = scorePairs(pairs, results);
    const report = buildReport({
      name: 'smoke',
      pipeline: variant.id,
      modelId: pipeline.modelId,
      scored,
      results,
      targetFalseMatchRate: 1e-3,
      handling: 'none',
      timing: { imagesComputed: images.length, msPerImage: null, note: '' },
    });
    expect(report.metrics.auc).toBe(1);
    expect(report.metrics.tenFold.folds).toHaveLength(2);
    expect(report.metrics.tenFold.meanAccuracy).toBe(1);
    expect(report.failures.images).toBe(0);
    expect(rocSvg([{ name: 'smoke', roc: report.roc }], 'smoke')).toContain('<polyline');
    expect(
      markdownSummary({ title: 't', generated: 'now', settings: {}, reports: [report], svgFile: 'x.svg', notes: [] }),
    ).toContain('| smoke | 100.00% ± 0.00%');
  });
});
