// Where the pinned @vladmandic/face-api package lives, and which of its model files Faceprint ships.
// Shared by scripts/copy-models.mjs, scripts/hash-models.mjs and the weight tests (which read the
// model files and demo photos straight from the installed package).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FACE_API_PACKAGE = '@vladmandic/face-api';
export const FACE_API_VERSION = '1.7.15';

/** The models we use, by manifest stem: `<id>_model-weights_manifest.json` + its shards. */
export const MODEL_IDS = ['tiny_face_detector', 'ssd_mobilenetv1', 'face_landmark_68', 'face_recognition'];

export const manifestFileName = (id) => `${id}_model-weights_manifest.json`;

/** The package's root folder; throws when it is missing or not the pinned version. */
export function faceApiPackageDir() {
  const require = createRequire(import.meta.url);
  let packageJson;
  try {
    packageJson = require.resolve(`${FACE_API_PACKAGE}/package.json`);
  } catch {
    throw new Error(`${FACE_API_PACKAGE} is not installed; run npm install (it is a devDependency).`);
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  if (version !== FACE_API_VERSION) {
    throw new Error(
      `${FACE_API_PACKAGE} is version ${version}, but Faceprint's weights and checksums are for ` +
        `${FACE_API_VERSION}; install exactly ${FACE_API_VERSION}.`,
    );
  }
  return dirname(packageJson);
}

export const faceApiModelDir = () => join(faceApiPackageDir(), 'model');

/** Every file of the models in MODEL_IDS: each manifest followed by its shards, in manifest order. */
export function modelFileNames(modelDir = faceApiModelDir()) {
  const names = [];
  for (const id of MODEL_IDS) {
    const manifest = manifestFileName(id);
    names.push(manifest);
    const groups = JSON.parse(readFileSync(join(modelDir, manifest), 'utf8'));
    for (const group of groups) names.push(...group.paths);
  }
  return names;
}
