// face-api's 68-point landmark net (face_landmark_68): a 112×112 face crop → 68 (x,y) points in [0,1].
import { NORMALISATIONS } from '../normalisation';
import { FACE_API_SOURCE } from './face-api-package';
import { slotOf, type LandmarkNetwork } from './network';

const POINTS = 68;

export const faceLandmark68 = {
  kind: 'landmarks',
  id: 'face_landmark_68',
  source: FACE_API_SOURCE,
  files: {
    manifest: {
      name: 'face_landmark_68_model-weights_manifest.json',
      bytes: 8485,
      sha256: 'ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9',
    },
    shards: [
      {
        name: 'face_landmark_68_model.bin',
        bytes: 356840,
        sha256: '4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b',
      },
    ],
  },
  inputSize: 112,
  normalise: NORMALISATIONS.faceApi,
  pointCount: POINTS,
  async load() {
    const net = await import('../nets/landmark-net');
    return (context, weightMap) => {
      const weights = net.uploadLandmarkWeights(context, weightMap);
      return {
        buildRun: (batch) => net.buildLandmarkRun(context, weights, batch),
        decode: ([points], slot) => slotOf(points!, slot, 2 * POINTS),
        destroy: () => net.destroyLandmarkWeights(weights),
      };
    };
  },
} as const satisfies LandmarkNetwork<'face_landmark_68'>;
