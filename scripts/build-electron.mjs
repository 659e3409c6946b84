#!/usr/bin/env node
// Bundles the Electron host: the main process as ESM (node_modules stay external, among them the
// native better-sqlite3-multiple-ciphers and knex), and the preload as one CommonJS file, since a
// sandboxed preload cannot import modules; it may only require 'electron'.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

rmSync(outdir, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

try {
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: path.join(outdir, 'main.js'),
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
    }),
    build({
      ...common,
      // The sync worker thread (electron/sync/worker-main.ts), started by the core next to main.
      entryPoints: ['electron/sync/worker-main.ts'],
      outfile: path.join(outdir, 'sync-worker.js'),
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
    }),
    build({
      ...common,
      // The scan worker thread (scan-checks/scan-worker-main.ts): decodes scans off main.
      entryPoints: ['scan-checks/scan-worker-main.ts'],
      outfile: path.join(outdir, 'scan-worker.js'),
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: path.join(outdir, 'preload.cjs'),
      // The sandboxed preload has no Node: building for the browser makes a Node import fail here.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome120',
      external: ['electron'],
      minify: true,
    }),
  ]);
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
console.log(
  `built ${path.relative(root, path.join(outdir, 'main.js'))} and ${path.relative(root, path.join(outdir, 'preload.cjs'))}`,
);
