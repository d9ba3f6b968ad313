// Renders a photo as a print held in front of a camera: flat or bent around a vertical cylinder, turned
// about the vertical and the horizontal axis, seen in perspective. The print is a mesh of small
// triangles mapped forward through the 3D geometry and rasterised with a depth test; each output pixel
// samples the photo bilinearly. Pure TypeScript, no GPU: the result goes through the real landmark net.
import type { RgbaImage } from '../../src/engine/index';

export interface PrintPose {
  /** Turn about the vertical axis through the print's centre, degrees (> 0: the image's right side comes towards the camera). */
  aboutVerticalDeg: number;
  /** Turn about the horizontal axis, degrees (> 0: the top edge comes towards the camera). */
  aboutHorizontalDeg: number;
  /** In-plane rotation, degrees. */
  rollDeg: number;
  /** Camera-to-print distance over the print's width (perspective strength: smaller is stronger). */
  distance: number;
  /** Bend radius over the print's width; Infinity for a flat print. */
  bendRadius: number;
  /** Output shift (pixels) and scale (1 = the print's centre at the photo's size). */
  shiftX: number;
  shiftY: number;
  scale: number;
}

export const FLAT_PRINT: PrintPose = {
  aboutVerticalDeg: 0,
  aboutHorizontalDeg: 0,
  rollDeg: 0,
  distance: 2,
  bendRadius: Infinity,
  shiftX: 0,
  shiftY: 0,
  scale: 1,
};

const BACKGROUND = 96;
const MESH = 40;

/** Where a photo pixel (x, y) lands in the output, and its depth. */
export function projectPrintPoint(
  x: number,
  y: number,
  width: number,
  height: number,
  pose: PrintPose,
): [number, number, number] {
  const d = pose.distance * width;
  const roll = (pose.rollDeg * Math.PI) / 180;
  let px = x - width / 2;
  let py = y - height / 2;
  [px, py] = [px * Math.cos(roll) - py * Math.sin(roll), px * Math.sin(roll) + py * Math.cos(roll)];
  // Bent around a vertical cylinder, convex towards the camera: the edges fall back.
  let pz = 0;
  if (Number.isFinite(pose.bendRadius)) {
    const r = pose.bendRadius * width;
    const angle = px / r;
    pz = r * (1 - Math.cos(angle));
    px = r * Math.sin(angle);
  }
  // z grows away from the camera.
  const a = (pose.aboutVerticalDeg * Math.PI) / 180;
  [px, pz] = [px * Math.cos(a) + pz * Math.sin(a), -px * Math.sin(a) + pz * Math.cos(a)];
  const b = (pose.aboutHorizontalDeg * Math.PI) / 180;
  [py, pz] = [py * Math.cos(b) - pz * Math.sin(b), py * Math.sin(b) + pz * Math.cos(b)];
  // Image y grows downwards: the top edge (py < 0) has z = py·sin(b) < 0 for b > 0, towards the camera.
  const z = d + pz;
  const f = d * pose.scale;
  return [width / 2 + pose.shiftX + (f * px) / z, height / 2 + pose.shiftY + (f * py) / z, z];
}

/** The photo as that print, in an output the photo's size (grey where the print is not). */
export function renderPrint(photo: RgbaImage, pose: PrintPose): RgbaImage {
  const { width, height } = photo;
  const sourceX = new Float32Array(width * height).fill(-1);
  const sourceY = new Float32Array(width * height);
  const depth = new Float32Array(width * height).fill(Infinity);
  const grid: [number, number, number][] = [];
  for (let j = 0; j <= MESH; j++)
    for (let i = 0; i <= MESH; i++)
      grid.push(projectPrintPoint((i / MESH) * width, (j / MESH) * height, width, height, pose));
  const vertex = (i: number, j: number) => ({
    out: grid[j * (MESH + 1) + i]!,
    src: [(i / MESH) * width, (j / MESH) * height] as const,
  });
  for (let j = 0; j < MESH; j++) {
    for (let i = 0; i < MESH; i++) {
      const a = vertex(i, j);
      const b = vertex(i + 1, j);
      const c = vertex(i, j + 1);
      const e = vertex(i + 1, j + 1);
      for (const [p, q, r] of [
        [a, b, c],
        [b, e, c],
      ] as const) {
        rasterise(p, q, r, width, height, (index, u, v, w) => {
          const z = u * p.out[2] + v * q.out[2] + w * r.out[2];
          if (z >= depth[index]!) return;
          depth[index] = z;
          sourceX[index] = u * p.src[0] + v * q.src[0] + w * r.src[0];
          sourceY[index] = u * p.src[1] + v * q.src[1] + w * r.src[1];
        });
      }
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < width * height; index++) {
    const sx = sourceX[index]!;
    if (sx < 0) {
      data.fill(BACKGROUND, 4 * index, 4 * index + 3);
    } else {
      sampleBilinear(photo, sx - 0.5, sourceY[index]! - 0.5, data, 4 * index);
    }
    data[4 * index + 3] = 255;
  }
  return { width, height, data };
}

type MeshVertex = { out: [number, number, number]; src: readonly [number, number] };

function rasterise(
  p: MeshVertex,
  q: MeshVertex,
  r: MeshVertex,
  width: number,
  height: number,
  visit: (index: number, u: number, v: number, w: number) => void,
): void {
  const [x0, y0] = p.out;
  const [x1, y1] = q.out;
  const [x2, y2] = r.out;
  const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (Math.abs(area) < 1e-9) return;
  const minX = Math.max(0, Math.floor(Math.min(x0, x1, x2)));
  const maxX = Math.min(width - 1, Math.ceil(Math.max(x0, x1, x2)));
  const minY = Math.max(0, Math.floor(Math.min(y0, y1, y2)));
  const maxY = Math.min(height - 1, Math.ceil(Math.max(y0, y1, y2)));
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      // Pixel centres.
      const px = x + 0.5;
      const py = y + 0.5;
      const u = ((x1 - px) * (y2 - py) - (x2 - px) * (y1 - py)) / area;
      const v = ((x2 - px) * (y0 - py) - (x0 - px) * (y2 - py)) / area;
      const w = 1 - u - v;
      if (u < -1e-6 || v < -1e-6 || w < -1e-6) continue;
      visit(y * width + x, u, v, w);
    }
  }
}

function sampleBilinear(image: RgbaImage, x: number, y: number, out: Uint8ClampedArray, at: number): void {
  const cx = Math.min(Math.max(x, 0), image.width - 1);
  const cy = Math.min(Math.max(y, 0), image.height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, image.width - 1);
  const y1 = Math.min(y0 + 1, image.height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  for (let c = 0; c < 3; c++) {
    const top =
      image.data[4 * (y0 * image.width + x0) + c]! * (1 - fx) + image.data[4 * (y0 * image.width + x1) + c]! * fx;
    const bottom =
      image.data[4 * (y1 * image.width + x0) + c]! * (1 - fx) + image.data[4 * (y1 * image.width + x1) + c]! * fx;
    out[at + c] = top * (1 - fy) + bottom * fy;
  }
}
