// Builds what the app loads: the renderer bundle (vite), the Electron main and preload bundles and
// the browser host (esbuild, scripts/node-bundle.mjs). The pure-JavaScript dependencies are bundled;
// the few that must load from their own folder (NODE_EXTERNALS: native addons, pdfmake's fonts)
// stay in node_modules, which electron-builder ships, rebuilding better-sqlite3 for Electron's ABI.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { NODE_BUNDLE, buildElectronMain, buildWebHost } from './node-bundle.mjs';

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
await viteBuild({ configFile: 'vite.hub.config.ts', logLevel: 'warn' });

await buildElectronMain();
// Sandboxed preloads must be a single CommonJS file.
await esbuild({ ...NODE_BUNDLE, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
await buildWebHost();
console.log('Đã đóng gói: dist/renderer, dist/hub-admin, dist/electron/main.mjs, dist/electron/preload.cjs, dist/web/main.mjs');
