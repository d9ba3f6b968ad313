#!/usr/bin/env bash
# The library as another project gets it: `npm pack` builds it (prepack: vite library mode, .d.ts and the
# Custom Elements Manifest; scripts/pack-library.sh), a throw-away project under .cache/ installs the
# tarball, and a script there imports `faceprint/engine`, loads the real models and finds a face in an LFW
# photo on Dawn. Fails if any step does. The elements are checked in Chromium by e2e/library-page.spec.ts.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
demo="$root/.cache/library-check"
# The library, plus what the check itself needs (Dawn for Node, a JPEG decoder).
bash scripts/library-consumer.sh "$demo" faceprint-library-check webgpu jpeg-js
cd "$demo"
cat > check.mjs <<'JS'
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { create, globals } from 'webgpu';
import jpeg from 'jpeg-js';
import { FaceEngine } from 'faceprint/engine';

Object.assign(globalThis, globals);
const [models, photo] = process.argv.slice(2);
const source = { read: async (name) => new Uint8Array(await readFile(join(models, name))) };
const engine = await FaceEngine.create({ source, gpu: create([]) });
const image = jpeg.decode(await readFile(photo), { useTArray: true });
const analysis = await engine.analyze({ width: image.width, height: image.height, data: image.data });
if (!analysis.target) throw new Error('faceprint/engine found no face in ' + photo);
const { vector, modelId } = await engine.embed({ width: image.width, height: image.height, data: image.data }, analysis.target);
if (vector.length !== engine.vectorLength) throw new Error(`descriptor of ${vector.length}, expected ${engine.vectorLength}`);
console.log(`faceprint/engine from the packed tarball: 1 face, ${vector.length}-d descriptor of ${modelId}`);
engine.dispose();
process.exit(0);
JS
for shipped in types/engine/index.d.ts types/elements/index.d.ts elements.js custom-elements.json; do
  test -f "node_modules/faceprint/dist-lib/$shipped" || { echo "the tarball has no dist-lib/$shipped"; exit 1; }
done
# Editors find the elements through package.json's customElements field.
node -e "
  const pkg = require('./node_modules/faceprint/package.json');
  const manifest = require('./node_modules/faceprint/' + pkg.customElements);
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean).sort();
  if (tags.join() !== 'fp-enroll,fp-verify') throw new Error('the manifest describes ' + tags.join());
"
node check.mjs "$root/public/models" "$root/e2e/fixtures/Colin_Powell_0002.jpg"
