import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './lint/boundaries.js';

const electronOnlyAtTheEdge = {
  paths: [
    {
      name: 'electron',
      message: 'Only electron/main.ts, electron/preload.ts and electron/ipc/ import electron (ARCHITECTURE rule 1).',
    },
  ],
};
const nodeBuiltins = {
  patterns: [{ group: ['node:*'], message: 'The renderer and shared/ are DOM-only: no Node built-ins.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      // No line of code over 120 characters (Prettier's printWidth, .prettierrc.json). A text
      // (an error message, a test's name, a pattern) stays whole on its line so it can be found.
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'portal/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { ...electronOnlyAtTheEdge, ...nodeBuiltins }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...electronOnlyAtTheEdge, ...nodeBuiltins }] },
  },
  {
    files: [
      'electron/**/*.ts',
      'server/**/*.ts',
      'scan-checks/**/*.ts',
      'node-common/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
    ],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyAtTheEdge] },
  },
  {
    // The layers (renderer ↛ electron, server; shared ↛ anything else; scan-checks ↛ all but shared;
    // server ↛ electron; store ↛ core, services, sync, auth; services ↛ core but the context's type):
    // lint/boundaries.js.
    files: [
      'renderer/**/*.{ts,tsx}',
      'portal/**/*.{ts,tsx}',
      'shared/**/*.ts',
      'scan-checks/**/*.ts',
      'node-common/**/*.ts',
      'server/**/*.ts',
      'electron/**/*.ts',
    ],
    plugins: { local: boundaries },
    rules: { 'local/boundaries': 'error' },
  },
);
