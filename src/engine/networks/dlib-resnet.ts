// dlib's ResNet face descriptor (dlib_face_recognition_resnet_model_v1, as face-api ships it as
// face_recognition): a 150×150 aligned chip → 128 floats, compared by Euclidean distance (dlib trained
// it so that the same person lies within 0.6).
import { NORMALISATIONS } from '../normalisation';
import { FACE_API_SOURCE } from './face-api-package';
import { euclideanDistance, slotOf, type EmbeddingNetwork } from './network';

const VECTOR_LENGTH = 128;

export const dlibResnet = {
  kind: 'embedding',
  id: 'face_recognition',
  source: FACE_API_SOURCE,
  files: {
    manifest: {
      name: 'face_recognition_model-weights_manifest.json',
      bytes: 19615,
      sha256: 'cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b',
    },
    shards: [
      {
        name: 'face_recognition_model.bin',
        bytes: 6444032,
        sha256: 'b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589',
      },
    ],
  },
  inputSize: 150,
  normalise: NORMALISATIONS.faceApi,
  modelId: `${FACE_API_SOURCE}/dlib_face_recognition_resnet_model_v1`,
  vectorLength: VECTOR_LENGTH,
  distance: euclideanDistance,
  async load() {
    const net = await import('../nets/recognition-net');
    return (context, weightMap) => {
      const weights = net.uploadRecognitionWeights(context, weightMap);
      return {
        buildRun: (batch) => net.buildRecognitionRun(context, weights, batch),
        decode: ([vectors], slot) => slotOf(vectors!, slot, VECTOR_LENGTH),
        destroy: () => net.destroyRecognitionWeights(weights),
      };
    };
  },
} as const satisfies EmbeddingNetwork<'face_recognition'>;
