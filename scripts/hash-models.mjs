// Writes src/engine/weights/model-checksums.json: byte size and SHA-256 of every model file Faceprint
// ships, read from the pinned face-api package. Run once when the pinned version changes; commit the JSON.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FACE_API_PACKAGE, FACE_API_VERSION, MODEL_IDS, faceApiModelDir, manifestFileName, modelFileNames,
} from './face-api-package.mjs';

const out = fileURLToPath(new URL('../src/engine/weights/model-checksums.json', import.meta.url));
const modelDir = faceApiModelDir();

const models = {};
for (const id of MODEL_IDS) {
  const manifest = manifestFileName(id);
  const groups = JSON.parse(readFileSync(join(modelDir, manifest), 'utf8'));
  models[id] = { manifest, shards: groups.flatMap((group) => group.paths) };
}
const files = {};
for (const name of modelFileNames(modelDir)) {
  const bytes = readFileSync(join(modelDir, name));
  files[name] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
const json = { source: `${FACE_API_PACKAGE}@${FACE_API_VERSION}`, models, files };
writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
console.log(`hash-models: wrote ${Object.keys(files).length} files to src/engine/weights/model-checksums.json`);
