// Where the face engine is in its life, as the shell hands it to the views.
import { CALIBRATION, calibrationFor, type Calibration } from '../calibration/calibration';
import type { FaceService, LoadProgress } from './engine-facade';
import type { Problem } from './messages';

export type EngineState =
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'ready'; service: FaceService }
  | { status: 'failed'; problem: Problem };

const STAGE_LABELS: Record<LoadProgress['stage'], string> = {
  fetch: 'Downloading the face models',
  decode: 'Loading the face models',
  upload: 'Loading the face models',
  compile: 'Preparing the face models',
  warmup: 'Preparing the face models',
  ready: 'Ready',
};

export function progressLabel(progress: LoadProgress | null): string {
  return progress ? STAGE_LABELS[progress.stage] : 'Loading the face models';
}

/** The calibration of the pipeline the engine runs; the GPU pipeline's until the engine is ready. */
export function calibrationOf(engine: EngineState): Calibration {
  return engine.status === 'ready' ? calibrationFor(engine.service.pipeline.id) : CALIBRATION;
}
