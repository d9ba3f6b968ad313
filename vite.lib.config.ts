import { defineConfig } from 'vite';

// The library build behind package.json's "exports": the engine (`faceprint/engine`) and the elements
// (`faceprint/elements`) as ES modules, shaders inlined; the elements import the engine's module rather
// than a copy. Lit, @lit/context and idb stay external, so a page that uses the elements shares one copy
// of them with its own code. Types come from tsc (tsconfig.lib.json) into dist-lib/types.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: { engine: 'src/engine/index.ts', elements: 'src/elements/index.ts' },
      formats: ['es'],
    },
    rollupOptions: { external: [/^lit($|\/)/, /^@lit\//, /^idb($|\/)/] },
  },
});
