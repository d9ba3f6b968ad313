// Prints the `files` block (names, byte sizes, SHA-256) of each face-api model for its network
// descriptor in src/engine/networks/, read from the pinned face-api package. Run it when the pinned
// version changes and paste each block into its descriptor; tests/weights/real-models.test.ts checks
// that the descriptors match the installed files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_IDS, faceApiModelDir, manifestFileName } from './face-api-package.mjs';

const modelDir = faceApiModelDir();
const describe = (name) => {
  const bytes = readFileSync(join(modelDir, name));
  return `{ name: '${name}', bytes: ${bytes.length}, sha256: '${createHash('sha256').update(bytes).digest('hex')}' }`;
};
for (const id of MODEL_IDS) {
  const manifest = manifestFileName(id);
  const shards = JSON.parse(readFileSync(join(modelDir, manifest), 'utf8')).flatMap((group) => group.paths);
  console.log(
    `// ${id}\n  files: {\n    manifest: ${describe(manifest)},\n    shards: [${shards.map(describe).join(', ')}],\n  },`,
  );
}
