// FrameChecker: which frames run the detector. With a tracking pipeline a single face is followed by
// the landmark net, and the detector runs again after REDETECT_INTERVAL_MS, when the track is lost, or
// while there is not exactly one face; without one every frame is detected. The engine is a stand-in:
// what is checked here is the choice of call, not the networks (tests/liveness covers the tracker).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PIPELINES, type DetectedFace, type FaceAnalysis, type FaceService } from '../../src/app/engine-facade';
import { FrameChecker, REDETECT_INTERVAL_MS } from '../../src/app/frame-check';
import { VERIFY_THRESHOLDS } from '../../src/app/logic/quality';

const frame = { width: 640, height: 480 } as ImageBitmap;

function face(x: number): DetectedFace {
  return { box: { x, y: 100, width: 200, height: 200 }, score: 0.9, landmarks: new Float32Array(136) };
}

function analysis(...faces: DetectedFace[]): FaceAnalysis {
  return { frameWidth: 640, frameHeight: 480, faces, target: faces[0] ?? null };
}

/** A service whose analyze and tracker answer from queues, counting the calls. */
function fakeService(track: boolean) {
  const detections: FaceAnalysis[] = [];
  const tracked: (DetectedFace | null)[] = [];
  const tracker = {
    track: vi.fn(async () => tracked.shift() ?? null),
    follow: vi.fn(),
    reset: vi.fn(),
  };
  const service = {
    pipeline: track ? PIPELINES.software : PIPELINES.gpu,
    analyze: vi.fn(async () => detections.shift() ?? analysis()),
    createTracker: () => tracker,
  };
  return { service: service as unknown as FaceService, detections, tracked, tracker, analyze: service.analyze };
}

beforeEach(() => {
  // Node has no canvas: the face region's pixel statistics are unavailable (null), which the gates allow for.
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      getContext() {
        return null;
      }
    },
  );
});

afterEach(() => vi.unstubAllGlobals());

describe('FrameChecker', () => {
  it('follows a single face between detections, and detects again after REDETECT_INTERVAL_MS', async () => {
    const { service, detections, tracked, tracker, analyze } = fakeService(true);
    let now = 0;
    const checker = new FrameChecker(service, VERIFY_THRESHOLDS, () => now);
    detections.push(analysis(face(100)), analysis(face(104)));
    tracked.push(face(101), face(102), face(103));

    const first = await checker.check(frame);
    expect(first).toMatchObject({ detected: true, single: { box: { x: 100 } } });
    expect(tracker.follow).toHaveBeenLastCalledWith(first.single);

    now = 500;
    const second = await checker.check(frame);
    expect(second).toMatchObject({ detected: false, single: { box: { x: 101 } } });
    expect(second.analysis.faces).toHaveLength(1);
    now = REDETECT_INTERVAL_MS - 1;
    expect(await checker.check(frame)).toMatchObject({ detected: false, single: { box: { x: 102 } } });
    expect(analyze).toHaveBeenCalledTimes(1);

    now = REDETECT_INTERVAL_MS;
    expect(await checker.check(frame)).toMatchObject({ detected: true, single: { box: { x: 104 } } });
    expect(analyze).toHaveBeenCalledTimes(2);
    expect(tracker.track).toHaveBeenCalledTimes(2);
  });

  it('detects again at once when the track is lost', async () => {
    const { service, detections, tracked, analyze } = fakeService(true);
    let now = 0;
    const checker = new FrameChecker(service, VERIFY_THRESHOLDS, () => now);
    detections.push(analysis(face(100)), analysis(face(300)));
    tracked.push(null);
    await checker.check(frame);
    now = 200;
    expect(await checker.check(frame)).toMatchObject({ detected: true, single: { box: { x: 300 } } });
    expect(analyze).toHaveBeenCalledTimes(2);
  });

  it('does not follow when there are no faces or several: the one-face gate needs the detector', async () => {
    const { service, detections, tracker, analyze } = fakeService(true);
    let now = 0;
    const checker = new FrameChecker(service, VERIFY_THRESHOLDS, () => now);
    detections.push(analysis(face(100), face(400)), analysis(), analysis(face(100)));
    const two = await checker.check(frame);
    expect(two.single).toBeNull();
    expect(two.quality.passed).toBe(false);
    expect(tracker.reset).toHaveBeenCalledTimes(1);
    now = 100;
    // The tracker has nothing to follow: it answers null, and the detector runs.
    expect((await checker.check(frame)).detected).toBe(true);
    now = 200;
    expect((await checker.check(frame)).detected).toBe(true);
    expect(analyze).toHaveBeenCalledTimes(3);
  });

  it('detects every frame where the pipeline does not track', async () => {
    const { service, detections, tracker, analyze } = fakeService(false);
    let now = 0;
    const checker = new FrameChecker(service, VERIFY_THRESHOLDS, () => now);
    for (let i = 0; i < 3; i++) detections.push(analysis(face(100 + i)));
    for (let i = 0; i < 3; i++) {
      now = i * 100;
      expect(await checker.check(frame)).toMatchObject({ detected: true, single: { box: { x: 100 + i } } });
    }
    expect(analyze).toHaveBeenCalledTimes(3);
    expect(tracker.track).not.toHaveBeenCalled();
  });
});
