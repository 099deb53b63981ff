// The Node bundles the app ships (esbuild): the Electron main process and the browser host. Both
// run compiled JavaScript, so a start does not compile TypeScript (tsx compiled ~1,700 modules at
// every start of the browser host: seconds on a commune PC). The pure-JavaScript dependencies are
// bundled too: Node resolving and reading hundreds of node_modules files (fastify, ajv, zod,
// drizzle…) was a third of the host's start. node_modules still ships beside the bundle for the
// packages below, which must load from their own folder.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const WEB_HOST_BUNDLE = 'dist/web/main.mjs';
const WEB_HOST_META = 'dist/web/meta.json';

/** What every Node bundle of the app shares. */
export const NODE_BUNDLE = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, sourcesContent: false, tsconfig: 'tsconfig.json', logLevel: 'warning' };

/**
 * Dependencies left to Node's own loading, each for a reason bundling would break:
 * - better-sqlite3, sharp, pkcs11js: native addons (.node files; sharp also finds libvips in
 *   @img/sharp-<platform>). The WAL checkpointer's worker also resolves better-sqlite3 by name.
 * - pdfmake: reads its fonts and pdfkit's AFM metrics from its own folder (__dirname), and the PDF
 *   engine loads pdfmake's and pdfkit's inner modules by name (createRequire), which must be the
 *   same copies the engine's `import('pdfmake')` gets.
 * - pdf-to-printer: runs the SumatraPDF.exe beside its own file (unpacked from asar on Windows).
 * - electron: the Electron main's runtime, never a file.
 * Everything else is bundled. Libraries imported with import() (PDF, image, upload, Excel,
 * signing) still go to their own chunks, loaded at first use.
 */
export const NODE_EXTERNALS = ['better-sqlite3', 'sharp', 'pkcs11js', 'pdfmake', 'pdf-to-printer', 'electron'];

const common = {
  ...NODE_BUNDLE,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Code loaded with import() (the signing service and its PDF/PKI libraries) goes in its own
  // chunk, so a start does not load it.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: NODE_EXTERNALS,
  // The ES module build where a package has one. A CommonJS package loaded with import() comes out
  // of a bundle as its `default` only (Node itself would also expose its named exports), so
  // `const { PDFDocument } = await import('pdf-lib')` found nothing in the CommonJS build.
  mainFields: ['module', 'main'],
  // Bundled ESM has no require(); some dependencies still call it.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

/** dist/electron/main.mjs (its preload is built apart: a sandboxed preload must be one CJS file). */
export async function buildElectronMain() {
  await build({ ...common, entryPoints: { main: 'src-main/electron/main.ts' }, outdir: 'dist/electron' });
}

/**
 * dist/web/main.mjs: the browser host (src-main/web/main.ts, entered by start.ts, which turns on
 * Node's compile cache first), as `npm run web` and `npm start`
 * without Electron run it. `outdir` elsewhere (inside the app's folder, so the host still finds
 * package.json above it) builds a copy; the build's metafile is returned for checks.
 */
export async function buildWebHost(outdir = 'dist/web') {
  const result = await build({ ...common, entryPoints: { main: 'src-main/web/start.ts' }, outdir, metafile: true });
  fs.writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(Object.keys(result.metafile.inputs)));
  return result.metafile;
}

/** Whether dist/web/main.mjs is newer than every source file it was built from. */
export function webHostIsFresh() {
  if (!fs.existsSync(WEB_HOST_BUNDLE) || !fs.existsSync(WEB_HOST_META)) return false;
  const builtAt = fs.statSync(WEB_HOST_BUNDLE).mtimeMs;
  const inputs = JSON.parse(fs.readFileSync(WEB_HOST_META, 'utf8'));
  return inputs.every((file) => fs.existsSync(file) && fs.statSync(path.resolve(file)).mtimeMs <= builtAt);
}
