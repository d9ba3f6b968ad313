// What the fake webcam shows in each test, and the Chromium flags that make it (see
// ../shared/docs/webgpu-on-cpu.md). One browser launch shows one y4m file, so a test that needs a
// different scene launches its own browser.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { centredOnFrame, decodeJpeg, blankFrame, drawScaled, wallFrame, writeY4m, type RgbaFrame } from './y4m';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures');
/** Generated files live in the ignored .cache folder, never in the repository. */
const sceneDir = join(here, '..', '..', '.cache', 'e2e-camera');

export type Scene = 'person-a-enroll' | 'person-a-verify' | 'person-b' | 'no-face' | 'two-faces';

const photo = (name: string) => decodeJpeg(join(fixtures, name));

const SCENES: Record<Scene, () => RgbaFrame> = {
  'person-a-enroll': () => centredOnFrame(photo('Colin_Powell_0002.jpg')),
  'person-a-verify': () => centredOnFrame(photo('Colin_Powell_0005.jpg')),
  'person-b': () => centredOnFrame(photo('Hugo_Chavez_0001.jpg')),
  'no-face': () => wallFrame(),
  'two-faces': () => {
    const frame = blankFrame(640, 480, [128, 128, 128]);
    drawScaled(frame, photo('Colin_Powell_0002.jpg'), 1.25, 165, 240);
    return drawScaled(frame, photo('Hugo_Chavez_0001.jpg'), 1.25, 475, 240);
  },
};

export const sceneFile = (scene: Scene) => join(sceneDir, `${scene}.y4m`);

/** Writes every scene's y4m file (global setup, before any browser starts). */
export function writeScenes(): void {
  mkdirSync(sceneDir, { recursive: true });
  for (const [scene, make] of Object.entries(SCENES)) writeY4m(sceneFile(scene as Scene), make());
}

/** Debian's Chromium (Playwright's own browser downloads are not used). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** WebGPU (compute, canvas, video import) on SwiftShader, as on a machine with no GPU. */
export const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan,CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
];

export interface CameraOptions {
  /** Answer the camera permission prompt with "allow" (default). False: the prompt is denied. */
  grant?: boolean;
  /** Have a (fake) camera at all (default). False: the machine has none. */
  device?: boolean;
}

/** Chromium's command line for a fake camera showing `scene`. */
export function cameraArgs(scene: Scene, { grant = true, device = true }: CameraOptions = {}): string[] {
  const args = [...WEBGPU_FLAGS];
  if (grant) args.push('--use-fake-ui-for-media-stream');
  if (device) args.push('--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${sceneFile(scene)}`);
  return args;
}

/** Playwright launch options for a browser whose camera shows `scene`. */
export function launchOptions(scene: Scene, options: CameraOptions = {}) {
  return { executablePath: CHROMIUM, args: cameraArgs(scene, options) };
}
