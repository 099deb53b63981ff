// Builds what the Electron app loads: the renderer bundle (vite) and the main and preload
// bundles (esbuild). Dependencies stay external: electron-builder ships node_modules and
// rebuilds better-sqlite3 for Electron's ABI.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await viteBuild({ configFile: 'vite.hub.config.ts', logLevel: 'warn' });

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, tsconfig: 'tsconfig.json', logLevel: 'warning' };
await esbuild({
  ...common,
  entryPoints: { main: 'src-main/electron/main.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.mjs' },
  // Code loaded with import() (the signing service and its PDF/PKI libraries) goes in its own
  // chunk, so the app does not load it at every start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  packages: 'external',
  // Bundled ESM has no require(); some dependencies still call it.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// Sandboxed preloads must be a single CommonJS file.
await esbuild({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
console.log('Đã đóng gói: dist/renderer, dist/hub-admin, dist/electron/main.mjs, dist/electron/preload.cjs');
