// Copies the model files Faceprint serves (see MODEL_IDS) from the pinned face-api package into
// public/models/, with the package's MIT licence beside them. Idempotent: identical files are left
// alone. When src/engine/weights/model-checksums.json exists, every copied file is checked against it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faceApiModelDir, faceApiPackageDir, modelFileNames } from './face-api-package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'public', 'models');
const checksumsPath = join(root, 'src', 'engine', 'weights', 'model-checksums.json');

const packageDir = faceApiPackageDir();
const modelDir = faceApiModelDir();
const checksums = existsSync(checksumsPath) ? JSON.parse(readFileSync(checksumsPath, 'utf8')).files : undefined;

const copies = modelFileNames(modelDir).map((name) => ({ from: join(modelDir, name), name }));
copies.push({ from: join(packageDir, 'LICENSE'), name: 'LICENSE-face-api.txt' });

mkdirSync(target, { recursive: true });
let copied = 0;
for (const { from, name } of copies) {
  const bytes = readFileSync(from);
  const expected = checksums?.[name];
  if (expected) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== expected.bytes || sha256 !== expected.sha256) {
      throw new Error(`copy-models: ${from} does not match model-checksums.json (${bytes.length} bytes, sha256 ${sha256}).`);
    }
  }
  const to = join(target, name);
  if (existsSync(to) && readFileSync(to).equals(bytes)) {
    console.log(`copy-models: up to date  ${name}`);
    continue;
  }
  writeFileSync(to, bytes);
  copied++;
  console.log(`copy-models: copied      ${name} (${bytes.length} bytes)`);
}
console.log(`copy-models: ${copied} of ${copies.length} files copied into public/models/`);
