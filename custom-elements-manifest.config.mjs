// The Custom Elements Manifest of faceprint/elements (package.json "customElements"), read by editors and
// catalogues: the public elements' properties, attributes, events and CSS properties, from their source
// and JSDoc. `npm run build:lib` writes it into dist-lib/ after the bundle and the types.
export default {
  globs: ['src/elements/fp-*.ts', 'src/elements/faceprint-element.ts'],
  outdir: 'dist-lib',
  litelement: true,
  // package.json names the manifest itself; the analyzer would otherwise rewrite that file during `npm pack`.
  packagejson: false,
};
