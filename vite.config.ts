import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by either host: Electron's app:// protocol or the
// loopback browser host. Relative paths keep it independent of the origin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
