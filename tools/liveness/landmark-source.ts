// Landmarks for the liveness evaluation, computed the way the app computes them and cached under
// .cache/liveness/ (append-only JSON lines, keyed by image content or render recipe, and model).
// - An LFW photo: deep-funneled LFW centres the face, so instead of a 0.5 s detection the landmark net
//   runs on the fixed central box (tools/lfw/geometry.ts) and once more on the box those landmarks imply,
//   as the tracker would after a detection.
// - A rendered frame (a print): through the app's FaceTracker, following the previous frame's face.
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { FaceTracker, type FaceEngine, type RgbaImage } from '../../src/engine/index';
import { boxFromLandmarks } from '../../src/engine/landmark-box';
import { fallbackBox } from '../lfw/geometry';
import { JsonlStore, round3, sha256, type Keyed } from '../lfw/store';

/** Bump when the way a photo's landmarks are computed changes (invalidates those cache entries). */
const PHOTO_VERSION = 'v2';
/** Bump when the tracker changes (src/engine/face-tracker.ts): it computes the rendered frames' landmarks. */
const TRACKED_VERSION = 'v2';

interface LandmarkRecord extends Keyed {
  landmarks: number[] | null;
  /** The tracker lost the track and detected again on this frame. */
  detected?: boolean;
}

export function decodeJpeg(bytes: Uint8Array): RgbaImage {
  const d = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: d.width, height: d.height, data: d.data };
}

export class LandmarkSource {
  private readonly tracker: FaceTracker;
  computed = 0;
  redetections = 0;
  noFace = 0;

  constructor(
    private readonly engine: FaceEngine,
    private readonly store: JsonlStore<LandmarkRecord>,
  ) {
    this.tracker = new FaceTracker(engine);
  }

  static open(engine: FaceEngine, cacheFile: string): LandmarkSource {
    return new LandmarkSource(engine, new JsonlStore<LandmarkRecord>(cacheFile));
  }

  /** Landmarks of an LFW photo (fixed centre box, then its landmark-implied box). */
  async photo(path: string): Promise<{ image: () => RgbaImage; landmarks: Float32Array }> {
    const bytes = readFileSync(path);
    const image = () => decodeJpeg(bytes);
    const key = `${sha256(bytes)}|photo:${PHOTO_VERSION}|${this.engine.modelId}`;
    const cached = this.store.get(key);
    if (cached?.landmarks) return { image, landmarks: Float32Array.from(cached.landmarks) };
    const frame = image();
    const [first] = await this.engine.landmarksFor(frame, [fallbackBox(frame.width, frame.height)]);
    const [landmarks] = await this.engine.landmarksFor(frame, [boxFromLandmarks(first!)]);
    this.computed++;
    this.store.put({ key, landmarks: round3(landmarks!) });
    return { image, landmarks: landmarks! };
  }

  /**
   * Landmarks of a rendered frame through the FaceTracker, following `previous`; `recipe` names the
   * render exactly (cache key). null when the tracker lost the face and detection found none.
   */
  async tracked(recipe: string, previous: Float32Array, render: () => RgbaImage): Promise<Float32Array | null> {
    const key = `${recipe}|tracked:${TRACKED_VERSION}|${this.engine.modelId}`;
    const cached = this.store.get(key);
    if (cached) return cached.landmarks ? Float32Array.from(cached.landmarks) : null;
    this.tracker.follow({ box: boxFromLandmarks(previous), score: 1, landmarks: previous });
    const result = await this.tracker.next(render());
    this.computed++;
    if (result?.detected) this.redetections++;
    if (!result) this.noFace++;
    this.store.put({
      key,
      landmarks: result ? round3(result.face.landmarks) : null,
      detected: result?.detected ?? false,
    });
    return result ? result.face.landmarks : null;
  }
}
