// face-api's tiny face detector (a separable-conv Tiny YOLOv2), 416×416 input: a smaller, faster and
// less accurate alternative to SSD (FaceEngineOptions.networks.detector = 'tiny_face_detector').
import { NORMALISATIONS } from '../normalisation';
import { FACE_API_SOURCE } from './face-api-package';
import { slotOf, type DetectorNetwork } from './network';

const INPUT_SIZE = 416;

export const tinyFaceDetector = {
  kind: 'detector',
  id: 'tiny_face_detector',
  source: FACE_API_SOURCE,
  files: {
    manifest: {
      name: 'tiny_face_detector_model-weights_manifest.json',
      bytes: 3219,
      sha256: '5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5',
    },
    shards: [
      {
        name: 'tiny_face_detector_model.bin',
        bytes: 193321,
        sha256: 'b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871',
      },
    ],
  },
  inputSize: INPUT_SIZE,
  normalise: NORMALISATIONS.tinyFaceDetector,
  // face-api's TinyFaceDetectorOptions: score 0.5; its own NMS IoU, 0.4.
  defaults: { minConfidence: 0.5, iouThreshold: 0.4 },
  async load() {
    const tiny = await import('../nets/tiny-face-detector');
    // A (S/32)² grid of cells per input, each anchor with tx, ty, tw, th, confidence.
    const outputPerSlot = (INPUT_SIZE / 32) ** 2 * tiny.TINY_ANCHORS.length * 5;
    return (context, weightMap) => {
      const weights = tiny.uploadTinyFaceDetectorWeights(context, weightMap);
      return {
        buildRun: (batch) => tiny.buildTinyFaceDetectorRun(context, weights, INPUT_SIZE, batch),
        decode: ([output], slot, options) =>
          tiny.decodeTinyFaceDetector(slotOf(output!, slot, outputPerSlot), INPUT_SIZE, {
            scoreThreshold: options.minConfidence,
            iouThreshold: options.iouThreshold,
          }),
        destroy: () => tiny.destroyTinyFaceDetectorWeights(weights),
      };
    };
  },
} as const satisfies DetectorNetwork<'tiny_face_detector'>;
