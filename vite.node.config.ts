// Builds the Node tools (tools/*.ts) as SSR bundles into dist-node/, so that vite resolves what plain
// Node cannot: the engine's WGSL imports (`?raw`). Dependencies stay external (node_modules).
//   npx vite build --config vite.node.config.ts && bash scripts/with-vulkan.sh node dist-node/eval-lfw.js
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// Every tools/*.ts is an entry, except the helper modules they import.
const HELPERS = new Set(['node-webgpu.ts']);
const entries = Object.fromEntries(
  readdirSync(resolve(root, 'tools'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !HELPERS.has(file))
    .map((file) => [basename(file, '.ts'), resolve(root, 'tools', file)]),
);

export default defineConfig({
  // No index.html, no public/ copy: this build is for Node only.
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-node',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: entries,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
