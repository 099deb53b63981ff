import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The counter UI, served from app:// in Electron and by the browser host.
export default defineConfig(({ command }) => ({
  // `vite build` always makes the production bundle, even from inside vitest (NODE_ENV=test),
  // so e2e tests drive exactly what ships (React and antd switch behaviour on NODE_ENV).
  ...(command === 'build'
    ? { mode: 'production', define: { 'process.env.NODE_ENV': JSON.stringify('production') }, oxc: { jsx: { development: false } } }
    : {}),
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  // Relative asset paths: the same bundle is served from app:// in Electron and http:// on the LAN.
  base: './',
  plugins: [react()],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
}));
