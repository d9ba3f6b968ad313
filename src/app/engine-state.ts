// Where the face engine is in its life, as the shell hands it to the views.
import type { FaceService, LoadProgress } from './engine-facade';
import type { Problem } from './messages';

export type EngineState =
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'ready'; service: FaceService }
  | { status: 'failed'; problem: Problem };

const STAGE_LABELS: Record<LoadProgress['stage'], string> = {
  fetch: 'Downloading face models',
  decode: 'Reading face models',
  upload: 'Moving models to the graphics device',
  compile: 'Preparing GPU programs',
  warmup: 'Warming up',
  ready: 'Ready',
};

export function progressLabel(progress: LoadProgress | null): string {
  return progress ? STAGE_LABELS[progress.stage] : 'Starting the face engine';
}
