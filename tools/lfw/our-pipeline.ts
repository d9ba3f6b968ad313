// Our pipeline on one image, for every requested variant: detect (one engine per detector
// configuration) → choose the face → optional second landmark pass → chip or crop → descriptor.
// Analyses (boxes, scores, landmarks) and descriptors are cached separately, so adding a variant that
// shares a detector configuration costs only the descriptor.
import {
  FaceEngine,
  type Box,
  type FaceEngineOptions,
  type DetectedFace,
  type RgbaImage,
} from '../../src/engine/index';
import type { ModelFileSource } from '../../src/engine/weights/manifest';
import { boxFromLandmarks, fallbackBox } from './geometry';
import { encodeVector, JsonlStore, round3, type Keyed } from './store';
import { detectorId, type Variant } from './variants';

/** Bump when the tool's handling changes in a way that changes descriptors (invalidates the cache). */
export const OUR_PIPELINE_VERSION = 'v1';

export interface CachedFace {
  box: Box;
  score: number;
  landmarks: number[];
}

export interface AnalysisRecord extends Keyed {
  kind: 'analysis';
  image: string;
  detector: string;
  modelId: string;
  /** Every detected face, the engine's target first; empty when none was found. */
  faces: CachedFace[];
  /** Landmarks from the fallback box when faces is empty. */
  fallback: CachedFace | null;
  ms: number;
}

export interface EmbeddingRecord extends Keyed {
  kind: 'embedding';
  image: string;
  pipeline: string;
  modelId: string;
  vector: string;
  /** The detector found no face and the fallback box was used. */
  fallback: boolean;
  detections: number;
  /** Score and box of the face used (box after refinement when refining). */
  score: number;
  box: Box;
  ms: number;
}

export type OurRecord = AnalysisRecord | EmbeddingRecord;

export const analysisKey = (sha: string, detector: string, modelId: string) =>
  `${sha}|analysis:${OUR_PIPELINE_VERSION}:${detector}|${modelId}`;
export const embeddingKey = (sha: string, variantId: string, modelId: string) =>
  `${sha}|ours:${OUR_PIPELINE_VERSION}:${variantId}|${modelId}`;

const toFace = (f: CachedFace): DetectedFace => ({
  box: f.box,
  score: f.score,
  landmarks: Float32Array.from(f.landmarks),
});
const fromFace = (f: DetectedFace): CachedFace => ({
  box: {
    x: round3([f.box.x])[0]!,
    y: round3([f.box.y])[0]!,
    width: round3([f.box.width])[0]!,
    height: round3([f.box.height])[0]!,
  },
  score: Math.round(f.score * 1e5) / 1e5,
  landmarks: round3(f.landmarks),
});

const engineOptions = (source: ModelFileSource, variant: Variant): FaceEngineOptions => ({
  source,
  networks: { detector: variant.detector },
  detector: { views: variant.views, minConfidence: variant.minConfidence },
});

export class OurPipeline {
  private readonly engines = new Map<string, Promise<FaceEngine>>();
  readonly timing = { analyses: 0, analysisMs: 0, embeddings: 0, embeddingMs: 0 };

  private constructor(
    private readonly source: ModelFileSource,
    readonly store: JsonlStore<OurRecord>,
    readonly modelId: string,
  ) {}

  /** Creates the engine of the first variant's detector configuration; it names the model. */
  static async create(source: ModelFileSource, store: JsonlStore<OurRecord>, first: Variant): Promise<OurPipeline> {
    const engine = FaceEngine.create(engineOptions(source, first));
    const pipeline = new OurPipeline(source, store, (await engine).modelId);
    pipeline.engines.set(detectorId(first), engine);
    return pipeline;
  }

  private engine(variant: Variant): Promise<FaceEngine> {
    const id = detectorId(variant);
    let engine = this.engines.get(id);
    if (!engine) {
      engine = FaceEngine.create(engineOptions(this.source, variant));
      this.engines.set(id, engine);
    }
    return engine;
  }

  /** True when every variant's descriptor of this image is cached. */
  isDone(sha: string, variants: readonly Variant[]): boolean {
    return variants.every((v) => this.store.has(embeddingKey(sha, v.id, this.modelId)));
  }

  async process(image: string, sha: string, frame: RgbaImage, variants: readonly Variant[]): Promise<void> {
    // Variants that end up with the same face and the same descriptor options share one computation
    // (e.g. "score" and "centre" pick the same face on most images).
    const memo = new Map<string, { vector: Float32Array; face: DetectedFace }>();
    for (const variant of variants) {
      const key = embeddingKey(sha, variant.id, this.modelId);
      if (this.store.has(key)) continue;
      const engine = await this.engine(variant);
      const analysis = await this.analysis(engine, image, sha, frame, variant);
      const started = performance.now();
      let index = -1;
      if (analysis.faces.length > 0) {
        index = 0;
        if (variant.pick === 'score') {
          analysis.faces.forEach((f, i) => {
            if (f.score > analysis.faces[index]!.score) index = i;
          });
        }
      }
      const memoKey = [detectorId(variant), index, variant.refine, variant.alignment, variant.flip].join('|');
      let done = memo.get(memoKey);
      if (!done) {
        let face = toFace(index < 0 ? analysis.fallback! : analysis.faces[index]!);
        for (let pass = 0; pass < variant.refine; pass++) {
          const box = boxFromLandmarks(face.landmarks);
          const [landmarks] = await engine.landmarksFor(frame, [box]);
          face = { box, score: face.score, landmarks: landmarks! };
        }
        const [vector] = await engine.embedMany(frame, [face], { flip: variant.flip, alignment: variant.alignment });
        done = { vector: vector!, face };
        memo.set(memoKey, done);
      }
      const ms = performance.now() - started;
      this.timing.embeddings++;
      this.timing.embeddingMs += ms;
      this.store.put({
        kind: 'embedding',
        key,
        image,
        pipeline: variant.id,
        modelId: this.modelId,
        vector: encodeVector(done.vector),
        fallback: analysis.faces.length === 0,
        detections: analysis.faces.length,
        score: done.face.score,
        box: fromFace(done.face).box,
        ms: Math.round(ms),
      });
    }
  }

  private async analysis(
    engine: FaceEngine,
    image: string,
    sha: string,
    frame: RgbaImage,
    variant: Variant,
  ): Promise<AnalysisRecord> {
    const detector = detectorId(variant);
    const key = analysisKey(sha, detector, this.modelId);
    const cached = this.store.get(key);
    if (cached?.kind === 'analysis') return cached;
    const started = performance.now();
    const result = await engine.analyze(frame);
    let fallback: CachedFace | null = null;
    if (result.faces.length === 0) {
      const box = fallbackBox(frame.width, frame.height);
      const [landmarks] = await engine.landmarksFor(frame, [box]);
      fallback = fromFace({ box, score: 0, landmarks: landmarks! });
    }
    const ms = performance.now() - started;
    this.timing.analyses++;
    this.timing.analysisMs += ms;
    const record: AnalysisRecord = {
      kind: 'analysis',
      key,
      image,
      detector,
      modelId: this.modelId,
      faces: result.faces.map(fromFace),
      fallback,
      ms: Math.round(ms),
    };
    this.store.put(record);
    return record;
  }

  async dispose(): Promise<void> {
    for (const engine of this.engines.values()) (await engine).dispose();
    this.engines.clear();
  }
}
