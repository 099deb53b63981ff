import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The province admin page (src-server/admin-ui), served by the hub at /admin (routes/admin-page.ts).
export default defineConfig({
  // A production bundle even when built from inside vitest (NODE_ENV=test there): libraries' test
  // mode gives every antd dialog the same id (breaking their accessible names), and the JSX must
  // then target the production runtime too.
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { development: false } },
  root: fileURLToPath(new URL('./src-server/admin-ui', import.meta.url)),
  // Absolute base: deep links like /admin/ho-so get the app shell and must still find /admin/assets.
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/hub-admin', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
