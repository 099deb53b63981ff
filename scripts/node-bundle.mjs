// The Node bundles the app ships (esbuild): the Electron main process and the browser host. Both
// run compiled JavaScript, so a start does not compile TypeScript (tsx compiled ~1,700 modules at
// every start of the browser host: seconds on a commune PC). Dependencies stay external:
// node_modules ships beside the bundle and better-sqlite3 is a native addon.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const WEB_HOST_BUNDLE = 'dist/web/main.mjs';
const WEB_HOST_META = 'dist/web/meta.json';

/** What every Node bundle of the app shares. */
export const NODE_BUNDLE = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, tsconfig: 'tsconfig.json', logLevel: 'warning' };

const common = {
  ...NODE_BUNDLE,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Code loaded with import() (the signing service and its PDF/PKI libraries) goes in its own
  // chunk, so a start does not load it.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  packages: 'external',
  // Bundled ESM has no require(); some dependencies still call it.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

/** dist/electron/main.mjs (its preload is built apart: a sandboxed preload must be one CJS file). */
export async function buildElectronMain() {
  await build({ ...common, entryPoints: { main: 'src-main/electron/main.ts' }, outdir: 'dist/electron' });
}

/** dist/web/main.mjs: the browser host (src-main/web/main.ts), as `npm run web` and `npm start` without Electron run it. */
export async function buildWebHost() {
  const result = await build({ ...common, entryPoints: { main: 'src-main/web/main.ts' }, outdir: 'dist/web', metafile: true });
  fs.writeFileSync(WEB_HOST_META, JSON.stringify(Object.keys(result.metafile.inputs)));
}

/** Whether dist/web/main.mjs is newer than every source file it was built from. */
export function webHostIsFresh() {
  if (!fs.existsSync(WEB_HOST_BUNDLE) || !fs.existsSync(WEB_HOST_META)) return false;
  const builtAt = fs.statSync(WEB_HOST_BUNDLE).mtimeMs;
  const inputs = JSON.parse(fs.readFileSync(WEB_HOST_META, 'utf8'));
  return inputs.every((file) => fs.existsSync(file) && fs.statSync(path.resolve(file)).mtimeMs <= builtAt);
}
