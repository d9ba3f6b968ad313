// The face model this build of the app expects: the one its calibration file was made for. It is known
// without loading the engine, so people can still be listed, exported and imported where WebGPU is
// missing. The engine reports its own model id once loaded; a mismatch is flagged in settings.
import { CALIBRATION } from '../calibration/calibration';
import type { ModelSpec } from '../storage';

/** dlib's ResNet descriptor, as shipped by face-api: 128 floats. */
export const APP_MODEL: ModelSpec = { modelId: CALIBRATION.modelId, vectorLength: 128 };
