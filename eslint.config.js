// ESLint (flat config): typescript-eslint's recommended rules for all TypeScript, plus the Lit and
// web-component rules for the elements. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-node/',
      'dist-lib/',
      '.cache/',
      'public/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_`-prefixed names mark a parameter an interface requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.ts', 'src/elements/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/app/**/*.ts', 'src/elements/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
);
