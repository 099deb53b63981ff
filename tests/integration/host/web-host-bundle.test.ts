/**
 * The browser host as shipped: one esbuild bundle of the app and its pure-JavaScript dependencies
 * (scripts/node-bundle.mjs). Checks what a start loads, that every chunk loaded later (PDF engine,
 * images, upload, Excel, signing) still finds what it needs beside it, and that the compiled host
 * starts and answers over a real data folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_EXTERNALS, buildWebHost } from '../../../scripts/node-bundle.mjs';
import { REPO_ROOT, SAMPLE_SETUP, rpcCall, startWebHost, type WebHost } from '../../support/web-host';

/** Libraries no sign-in needs: each must load at its first use, never at start. */
const LOADED_AT_FIRST_USE = ['pdfmake', 'pdf-lib', '@pdf-lib/fontkit', 'sharp', 'tus-js-client', 'exceljs', 'pkijs', 'pkcs11js', '@signpdf/signpdf', 'pdf-to-printer'];

let outdir: string;
let meta: Metafile;
let host: WebHost | undefined;

beforeAll(async () => {
  fs.mkdirSync(path.join(REPO_ROOT, 'dist'), { recursive: true });
  // Inside the app's folder, as dist/web is: the host finds package.json (migrations, assets) above it.
  outdir = fs.mkdtempSync(path.join(REPO_ROOT, 'dist', '.web-host-check-'));
  meta = await buildWebHost(outdir);
}, 120_000);

afterAll(async () => {
  await host?.stop();
  fs.rmSync(outdir, { recursive: true, force: true });
});

const relative = (file: string) => path.relative(REPO_ROOT, path.resolve(REPO_ROOT, file)).split(path.sep).join('/');
const packageOf = (input: string) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? null;

/**
 * The output files a start loads: the entry, the host it imports once the compile cache is on
 * (src-main/web/start.ts), and what they import statically, transitively.
 */
function loadedAtStart(): string[] {
  const entry = relative(path.join(outdir, 'main.mjs'));
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of meta.outputs[out]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  for (const i of meta.outputs[entry]!.imports) if (i.kind === 'dynamic-import') visit(i.path);
  return [...seen];
}

describe('browser host bundle', () => {
  it('bundles the pure-JavaScript dependencies and leaves only the listed packages to node_modules', () => {
    const bare = new Set<string>();
    for (const out of Object.values(meta.outputs)) {
      for (const i of out.imports) if (i.external && !i.path.startsWith('node:') && !builtinModules.includes(i.path)) bare.add(i.path.split('/').slice(0, i.path.startsWith('@') ? 2 : 1).join('/'));
    }
    expect([...bare].every((name) => NODE_EXTERNALS.includes(name)), [...bare].join(', ')).toBe(true);
    const bundled = new Set(Object.keys(meta.inputs).map(packageOf).filter((p) => p !== null));
    for (const name of ['fastify', 'drizzle-orm', 'zod', 'ajv']) expect(bundled.has(name), name).toBe(true);
  });

  it('loads no PDF, image, upload, Excel or signing library at start', () => {
    const atStart = loadedAtStart();
    const packages = new Set<string>();
    const inputs = atStart.flatMap((out) => Object.keys(meta.outputs[out]!.inputs));
    for (const input of inputs) packages.add(packageOf(input) ?? '');
    expect(inputs).toContain('src-main/web/main.ts');
    expect(packages.has('fastify')).toBe(true);
    const staticExternals = atStart.flatMap((out) => meta.outputs[out]!.imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path));
    for (const name of LOADED_AT_FIRST_USE) {
      expect(packages.has(name), `${name} bundled into the start`).toBe(false);
      expect(staticExternals.some((p) => p === name || p.startsWith(`${name}/`)), `${name} imported at start`).toBe(false);
    }
    // The signing service and the PDF engine are chunks of their own.
    const chunks = Object.keys(meta.outputs).filter((o) => o.endsWith('.mjs') && !atStart.includes(o));
    expect(chunks.some((o) => Object.keys(meta.outputs[o]!.inputs).some((i) => i.includes('src-main/core/signing/service')))).toBe(true);
    expect(chunks.some((o) => Object.keys(meta.outputs[o]!.inputs).some((i) => i.includes('src-main/core/print/pdf-engine')))).toBe(true);
  });

  it('a library loaded with import() keeps the named exports the code takes from it', () => {
    // src-shared/auth/password-policy.ts, src-main/core/scans, src-main/core/sync/file-upload.ts.
    const used: Record<string, string> = { '@zxcvbn-ts/core': 'ZxcvbnFactory', 'pdf-lib': 'PDFDocument', 'tus-js-client': 'Upload' };
    for (const [name, exported] of Object.entries(used)) {
      const chunk = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined && packageOf(o.entryPoint) === name);
      expect(chunk, `${name} in a chunk of its own`).toBeDefined();
      expect(chunk!.exports, name).toContain(exported);
    }
  });

  it('every chunk loads where it was built: its externals resolve and nothing reads __dirname', () => {
    // Not the host's own chunk (start.ts imports it): loading it starts a host, as the last test does.
    const entry = relative(path.join(outdir, 'main.mjs'));
    const hostChunks = meta.outputs[entry]!.imports.filter((i) => i.kind === 'dynamic-import').map((i) => path.basename(i.path));
    expect(hostChunks).toHaveLength(1);
    const chunks = fs.readdirSync(path.join(outdir, 'chunks')).filter((f) => f.endsWith('.mjs') && !hostChunks.includes(f));
    expect(chunks.length).toBeGreaterThan(5);
    // One fresh Node loads them all, as the host would at first use (not the test's own loader).
    const script = `for (const f of ${JSON.stringify(chunks)}) await import(${JSON.stringify(path.join(outdir, 'chunks'))} + '/' + f);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 90_000);

  it('the compiled host starts, answers setup.status and completes first-run setup', async () => {
    host = await startWebHost({ bundle: path.join(outdir, 'main.mjs') });
    const status = await rpcCall(host.url, 'setup.status', {});
    expect(status.body.ok).toBe(true);
    expect(status.body.result.initialized).toBe(false);
    const done = await rpcCall(host.url, 'setup.initialize', SAMPLE_SETUP);
    expect(done.body.ok, JSON.stringify(done.body.error)).toBe(true);
    const signedIn = await rpcCall(host.url, 'auth.login', { username: SAMPLE_SETUP.admin.username, password: SAMPLE_SETUP.admin.password });
    expect(signedIn.body.ok).toBe(true);
  }, 90_000);
});
