import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The patient cabinet, served by the central server at its origin's root (server/cabinet/portal-pages.ts).
// Absolute paths: the cabinet's routes are nested (/cabinet/settings) and every one of them gets index.html.
export default defineConfig({
  root: 'portal',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/portal',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
  },
});
