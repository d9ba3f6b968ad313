// How a network wants its input pixels: out = (v - mean) * scale per RGB channel, v in 0..255. Plain data,
// so that network descriptors can name it without loading any kernel.
export type Channels = readonly [number, number, number];

/** out = (v - mean) * scale per RGB channel, v in 0..255. */
export interface Normalisation {
  mean: number | Channels;
  scale: number | Channels;
}

/** The input normalisations of the networks we run (docs/networks.md). */
export const NORMALISATIONS = {
  /** face_recognition_model and face_landmark_68: (RGB - mean) / 255. */
  faceApi: { mean: [122.782, 117.001, 104.298], scale: 1 / 255 },
  /** tiny_face_detector: (RGB - mean) / 255. */
  tinyFaceDetector: { mean: [117.001, 114.697, 97.404], scale: 1 / 255 },
  /** ssd_mobilenetv1: x / 127.5 - 1. */
  ssdMobilenet: { mean: 127.5, scale: 1 / 127.5 },
  /** Byte values unchanged (0..255). */
  raw: { mean: 0, scale: 1 },
} as const satisfies Record<string, Normalisation>;

export const channels = (value: number | Channels): Channels =>
  typeof value === 'number' ? [value, value, value] : value;
