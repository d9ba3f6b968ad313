// SSD MobileNetV1 face detector (face-api's ssd_mobilenetv1): 512×512 input, 5118 anchors.
import { NORMALISATIONS } from '../normalisation';
import { FACE_API_SOURCE } from './face-api-package';
import type { DetectorNetwork } from './network';

export const ssdMobilenetV1 = {
  kind: 'detector',
  id: 'ssd_mobilenetv1',
  source: FACE_API_SOURCE,
  files: {
    manifest: {
      name: 'ssd_mobilenetv1_model-weights_manifest.json',
      bytes: 28233,
      sha256: '888f744dffbc84f5f060d1f8427d9742341943a2dfaaf9205d10029b7e7a2955',
    },
    shards: [
      {
        name: 'ssd_mobilenetv1_model.bin',
        bytes: 5616957,
        sha256: '2835640602d53718aa6ae9a42896327eaa21beefed056c218d32ca7d79e1e2f8',
      },
    ],
  },
  inputSize: 512,
  normalise: NORMALISATIONS.ssdMobilenet,
  defaults: { minConfidence: 0.5, iouThreshold: 0.5 },
  async load() {
    const ssd = await import('../nets/ssd-mobilenet-v1');
    return (context, weightMap) => {
      const weights = ssd.uploadSsdWeights(context, weightMap);
      return {
        buildRun: (batch) => ssd.buildSsdRun(context, weights, batch),
        decode: ([boxEncodings, classLogits], slot, options) =>
          ssd.decodeSsd(
            ssd.batchSlice(boxEncodings!, slot, ssd.SSD_ANCHOR_COUNT, ssd.SSD_BOX_SIZE),
            ssd.batchSlice(classLogits!, slot, ssd.SSD_ANCHOR_COUNT, ssd.SSD_CLASS_COUNT),
            weights.anchors,
            options,
          ),
        destroy: () => ssd.destroySsdWeights(weights),
      };
    };
  },
} as const satisfies DetectorNetwork<'ssd_mobilenetv1'>;
