// Copies the model files Faceprint serves (see MODEL_IDS) from the pinned face-api package into
// public/models/, with the package's MIT licence beside them. Idempotent: identical files are left
// alone. The files are not checked here: the engine checks each one against the size and SHA-256 its
// network descriptor lists (src/engine/networks/) when it loads it, and the weight tests do too.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faceApiModelDir, faceApiPackageDir, modelFileNames } from './face-api-package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'public', 'models');

const packageDir = faceApiPackageDir();
const modelDir = faceApiModelDir();

const copies = modelFileNames(modelDir).map((name) => ({ from: join(modelDir, name), name }));
copies.push({ from: join(packageDir, 'LICENSE'), name: 'LICENSE-face-api.txt' });

mkdirSync(target, { recursive: true });
let copied = 0;
for (const { from, name } of copies) {
  const bytes = readFileSync(from);
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
