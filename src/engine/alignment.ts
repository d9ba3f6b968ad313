// Face alignment geometry in plain TS: dlib's get_face_chip_details for 68-point landmarks, giving the
// chip -> frame matrix that shaders/similarity-warp.wgsl samples through.
//
// Pixel convention (dlib's): pixel centres sit at integer coordinates, texel (x,y) is the point (x,y).
// The 68-point scheme is iBUG 300-W (face_landmark_68 and dlib's shape predictor use the same order).

export type Point = readonly [number, number];

/** 2x3 affine map, row-major: x' = m[0]*x + m[1]*y + m[2], y' = m[3]*x + m[4]*y + m[5]. */
export type Affine2x3 = readonly [number, number, number, number, number, number];

export const IDENTITY_AFFINE: Affine2x3 = [1, 0, 0, 0, 1, 0];

export function applyAffine(m: Affine2x3, [x, y]: Point): Point {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

/** outer ∘ inner: apply `inner` first. */
export function composeAffine(outer: Affine2x3, inner: Affine2x3): Affine2x3 {
  return [
    outer[0] * inner[0] + outer[1] * inner[3],
    outer[0] * inner[1] + outer[1] * inner[4],
    outer[0] * inner[2] + outer[1] * inner[5] + outer[2],
    outer[3] * inner[0] + outer[4] * inner[3],
    outer[3] * inner[1] + outer[4] * inner[4],
    outer[3] * inner[2] + outer[4] * inner[5] + outer[5],
  ];
}

export function invertAffine(m: Affine2x3): Affine2x3 {
  const det = m[0] * m[4] - m[1] * m[3];
  if (det === 0 || !Number.isFinite(det)) throw new Error('invertAffine: singular matrix');
  const a = m[4] / det;
  const b = -m[1] / det;
  const d = -m[3] / det;
  const e = m[0] / det;
  return [a, b, -(a * m[2] + b * m[5]), d, e, -(d * m[2] + e * m[5])];
}

/** A chip -> frame matrix for the mirrored chip: output column x reads what column width-1-x would. */
export function mirrorAffineX(m: Affine2x3, width: number): Affine2x3 {
  return composeAffine(m, [-1, 0, width - 1, 0, 1, 0]);
}

/**
 * Least-squares similarity (rotation, uniform scale, translation; no reflection) taking `from` onto
 * `to`: minimises sum |s R from_i + t - to_i|^2. The closed form below is the 2-D case of Umeyama's
 * method, which dlib's find_similarity_transform implements.
 */
export function findSimilarityTransform(from: readonly Point[], to: readonly Point[]): Affine2x3 {
  if (from.length !== to.length || from.length < 2) {
    throw new Error(
      `findSimilarityTransform: need two equally long lists of >= 2 points (${from.length}, ${to.length})`,
    );
  }
  const n = from.length;
  let fx = 0,
    fy = 0,
    tx = 0,
    ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i]![0];
    fy += from[i]![1];
    tx += to[i]![0];
    ty += to[i]![1];
  }
  fx /= n;
  fy /= n;
  tx /= n;
  ty /= n;
  let norm = 0,
    dot = 0,
    cross = 0;
  for (let i = 0; i < n; i++) {
    const ax = from[i]![0] - fx,
      ay = from[i]![1] - fy;
    const bx = to[i]![0] - tx,
      by = to[i]![1] - ty;
    norm += ax * ax + ay * ay;
    dot += ax * bx + ay * by;
    cross += ax * by - ay * bx;
  }
  if (norm === 0) throw new Error('findSimilarityTransform: the source points all coincide');
  const a = dot / norm; // s cos(theta)
  const b = cross / norm; // s sin(theta)
  return [a, -b, tx - (a * fx - b * fy), b, a, ty - (b * fx + a * fy)];
}

/**
 * dlib's average positions of face points 17..67 (mean_face_shape_x/y in
 * dlib/image_transforms/interpolation.h, get_face_chip_details), in a unit square.
 */
export const DLIB_MEAN_FACE_X: readonly number[] = [
  0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124, 0.904991, 0.98004, 0.490127,
  0.490127, 0.490127, 0.490127, 0.36688, 0.426036, 0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606,
  0.260918, 0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127,
  0.551395, 0.639268, 0.726104, 0.642159, 0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127,
  0.552157, 0.689874, 0.553364, 0.490127, 0.42689,
];
export const DLIB_MEAN_FACE_Y: readonly number[] = [
  0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891, 0.0187482, 0.038915, 0.106454, 0.203352,
  0.307009, 0.409805, 0.515625, 0.587326, 0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852,
  0.231733, 0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405,
  0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792,
  0.778746, 0.785343, 0.778746, 0.784792, 0.824182, 0.831803, 0.824182,
];
export const DLIB_MEAN_FACE_FIRST_PART = 17;

/** The parts dlib fits: 17..67 without the eyebrows (17-26) and the lower lip (55-59, 65-67). */
export const DLIB_CHIP_PARTS: readonly number[] = Array.from({ length: 68 - 17 }, (_, i) => i + 17).filter(
  (i) => !(i <= 26 || (i >= 55 && i <= 59) || i >= 65),
);

/** Where dlib puts part `part` in a size x size chip with `padding`. */
export function dlibTemplatePoint(part: number, size: number, padding: number): Point {
  const i = part - DLIB_MEAN_FACE_FIRST_PART;
  return [
    ((padding + DLIB_MEAN_FACE_X[i]!) / (2 * padding + 1)) * size,
    ((padding + DLIB_MEAN_FACE_Y[i]!) / (2 * padding + 1)) * size,
  ];
}

export interface FaceChipDetails {
  /**
   * chip pixel (x,y) -> frame point, for similarity-warp: the least-squares similarity from the
   * template (in chip pixels) to the landmarks. This is the convention of the oracle's dlib-chip
   * descriptors (they are reproduced exactly with it, tests/nets/pipeline.test.ts).
   */
  matrix: Affine2x3;
  /**
   * The mapping dlib's extract_image_chip itself uses (its chip rectangle is one pixel short and is
   * anchored at corners): u -> c + k R (u - (size-1)/2), c = T(size/2,size/2), k = (size*s-1)/(size-1).
   * Differs from `matrix` by up to about half a pixel; kept for comparison.
   */
  dlibExtractMatrix: Affine2x3;
  size: number;
  /** Rotation of the face in the frame, radians (dlib's chip_details.angle). */
  angle: number;
  /** Frame pixels per chip unit of the fitted similarity. dlib extracts through an image pyramid once
   *  this is above about 2 (it blurs before sampling); a plain bilinear warp does not. */
  scale: number;
}

/**
 * dlib::get_face_chip_details(det, size, padding) for 68-point shapes: a least-squares similarity
 * from dlib's mean face (parts 27-54 and 60-64, placed in a size x size chip with `padding`) to the
 * landmarks. Defaults are ours (150, 0.25, face_recognition_model's chip); dlib's own are 200, 0.2.
 */
export function getFaceChipDetails(landmarks: readonly Point[], size = 150, padding = 0.25): FaceChipDetails {
  if (landmarks.length !== 68) throw new Error(`getFaceChipDetails: need 68 landmarks, got ${landmarks.length}`);
  if (!(padding >= 0) || !(Number.isInteger(size) && size >= 2)) {
    throw new Error(`getFaceChipDetails: invalid size ${size} or padding ${padding}`);
  }
  const from = DLIB_CHIP_PARTS.map((part) => dlibTemplatePoint(part, size, padding));
  const to = DLIB_CHIP_PARTS.map((part) => landmarks[part]!);
  const t = findSimilarityTransform(from, to);
  const angle = Math.atan2(t[3], t[0]);
  const scale = Math.hypot(t[0], t[3]);
  const [cx, cy] = applyAffine(t, [size / 2, size / 2]);
  const k = (size * scale - 1) / (size - 1);
  const cos = Math.cos(angle) * k;
  const sin = Math.sin(angle) * k;
  const h = (size - 1) / 2;
  const dlibExtractMatrix: Affine2x3 = [cos, -sin, cx - (cos * h - sin * h), sin, cos, cy - (sin * h + cos * h)];
  return { matrix: t, dlibExtractMatrix, size, angle, scale };
}
