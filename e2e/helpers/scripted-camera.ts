// A camera the test drives frame by frame. Chromium's fake camera plays one y4m file, which is one still
// picture; a liveness challenge needs the picture to change when the app asks (turn left now, look up
// now). So before the page loads, navigator.mediaDevices.getUserMedia is replaced by a function that
// returns a canvas's capture stream: the app still gets a real MediaStream with a real video track and
// reads it through its own <video> path, and the test paints on the canvas what the camera "sees".
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';

/** The frame the scripted camera streams, as a 640×480 webcam would. */
export const FRAME = { width: 640, height: 480 } as const;

/**
 * A plane turned in front of the camera: the picture is printed on a flat sheet that is rotated by
 * `yawDeg` about its vertical axis and `pitchDeg` about its horizontal one (a tilted print).
 */
export interface Tilt {
  yawDeg: number;
  pitchDeg: number;
}

export interface ShowOptions {
  /** Photo pixel drawn at the frame's centre (default: the photo's centre). */
  anchor?: readonly [number, number];
  /** Frame pixels per photo pixel (default: the photo scaled to the frame's height). */
  scale?: number;
  /** Warp the picture as a tilted print would look. */
  tilt?: Tilt;
}

declare global {
  interface Window {
    /** Installed by installScriptedCamera: paints the next frames of the camera stream. */
    faceprintCamera?: {
      show(jpegBase64: string, options: ShowOptions): Promise<void>;
      /** Frames painted since the last show() began. */
      framesSinceShow(): number;
    };
  }
}

/** Must run before the page's first script: replaces getUserMedia with the canvas stream. */
export async function installScriptedCamera(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(
    ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.fillStyle = '#808080';
      context.fillRect(0, 0, width, height);
      let picture: ImageData | null = null;
      let painted = 0;
      // A camera delivers frames continuously; a capture stream only sends a frame when the canvas is
      // painted, so paint at about 15 frames a second.
      setInterval(() => {
        if (picture) context.putImageData(picture, 0, 0);
        painted++;
      }, 66);

      /** Inverse map of a frame pixel to the photo drawn flat, through a plane tilted by (yaw, pitch). */
      const tiltMap = (tilt: { yawDeg: number; pitchDeg: number }) => {
        const focal = width; // a ~53° horizontal field of view, as a laptop webcam
        const yaw = (tilt.yawDeg * Math.PI) / 180;
        const pitch = (tilt.pitchDeg * Math.PI) / 180;
        // R = Ry(yaw) · Rx(pitch); the plane's normal is R·(0,0,1), through the point C = (0,0,1).
        const [cy, sy, cp, sp] = [Math.cos(yaw), Math.sin(yaw), Math.cos(pitch), Math.sin(pitch)];
        const r = [cy, sy * sp, sy * cp, 0, cp, -sp, -sy, cy * sp, cy * cp];
        const normal = [r[2]!, r[5]!, r[8]!];
        return (u: number, v: number): [number, number] | null => {
          const ray = [(u - width / 2) / focal, (v - height / 2) / focal, 1];
          const facing = normal[0]! * ray[0]! + normal[1]! * ray[1]! + normal[2]! * ray[2]!;
          if (facing <= 1e-6) return null;
          const t = normal[2]! / facing;
          const p = [t * ray[0]!, t * ray[1]!, t * ray[2]! - 1];
          // Local plane coordinates: R^T · (P − C).
          const qx = r[0]! * p[0]! + r[3]! * p[1]! + r[6]! * p[2]!;
          const qy = r[1]! * p[0]! + r[4]! * p[1]! + r[7]! * p[2]!;
          return [qx * focal + width / 2, qy * focal + height / 2];
        };
      };

      window.faceprintCamera = {
        async show(jpegBase64, options) {
          const bytes = Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0));
          const photo = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
          const scale = options.scale ?? height / photo.height;
          const [ax, ay] = options.anchor ?? [photo.width / 2, photo.height / 2];
          const flat = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
          flat.fillStyle = '#808080';
          flat.fillRect(0, 0, width, height);
          flat.setTransform(scale, 0, 0, scale, width / 2 - ax * scale, height / 2 - ay * scale);
          flat.drawImage(photo, 0, 0);
          photo.close();
          let image = flat.getImageData(0, 0, width, height);
          if (options.tilt) {
            const source = image.data;
            const warped = new ImageData(width, height);
            const map = tiltMap(options.tilt);
            for (let v = 0; v < height; v++) {
              for (let u = 0; u < width; u++) {
                const at = map(u + 0.5, v + 0.5);
                const out = (v * width + u) * 4;
                const x = at ? Math.floor(at[0]) : -1;
                const y = at ? Math.floor(at[1]) : -1;
                if (x < 0 || y < 0 || x >= width || y >= height) {
                  warped.data.set([128, 128, 128, 255], out);
                } else {
                  const src = (y * width + x) * 4;
                  warped.data.set(source.subarray(src, src + 4), out);
                }
              }
            }
            image = warped;
          }
          picture = image;
          context.putImageData(picture, 0, 0);
          painted = 0;
        },
        framesSinceShow: () => painted,
      };

      const stream = () =>
        (canvas as HTMLCanvasElement & { captureStream(fps?: number): MediaStream }).captureStream(15);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        if (!constraints?.video) throw new DOMException('Only video is scripted', 'NotSupportedError');
        return stream();
      };
    },
    { width: FRAME.width, height: FRAME.height },
  );
}

/** Drives the scripted camera of `page`: paints photos (files) into the stream the app reads. */
export class ScriptedCamera {
  private readonly cache = new Map<string, string>();

  constructor(private readonly page: Page) {}

  /** Shows the photo at `path` from now on, until the next show. */
  async show(path: string, options: ShowOptions = {}): Promise<void> {
    let base64 = this.cache.get(path);
    if (!base64) {
      base64 = readFileSync(path).toString('base64');
      this.cache.set(path, base64);
    }
    await this.page.evaluate(([data, opts]) => window.faceprintCamera!.show(data, opts), [base64, options] as const);
  }
}
