// The face model this build of the app stores and compares: the embedding network the engine runs
// (its descriptor gives the id and vector length), known without loading the engine, so people can
// still be listed, exported and imported where WebGPU is missing. The calibration file was made for
// this model (tests/app/calibration.test.ts checks that the two agree).
import { dlibResnet } from '../engine/networks/dlib-resnet';
import type { ModelSpec } from '../storage';

export const APP_MODEL: ModelSpec = { modelId: dlibResnet.modelId, vectorLength: dlibResnet.vectorLength };
