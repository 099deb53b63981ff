/**
 * The layer rules of ARCHITECTURE.md §2 bite: each layer's allow-list (eslint/layers.js) refuses
 * what it must not import and lets through what it may, the PDF engine has one door, no catch is
 * silent (eslint/plugin.js), icons say how a screen reader reads them, time is read only through a
 * clock, and each layer's tsconfig.json refuses the globals of other platforms (no Buffer or
 * process in pure or browser code, no document in Node code).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/web-host';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

async function messages(filePath: string, code: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

const importOf = (source: string) => `import * as m from '${source}';\nexport const a = m;`;

describe('layers by allow-list', () => {
  it.each([
    // src-shared is pure: zod and the pure signing libraries, and itself.
    ['src-shared/domain/x.ts', 'node:fs'],
    ['src-shared/domain/x.ts', 'path'],
    ['src-shared/x.ts', 'better-sqlite3'],
    ['src-shared/x.ts', 'react'],
    ['src-shared/x.ts', 'pdfkit'],
    ['src-shared/x.ts', 'fastify'],
    ['src-shared/signing/x.ts', 'pkcs11js'],
    ['src-shared/signing/x.ts', 'pdf-lib'],
    ['src-shared/x.ts', '../src-main/core/core'],
    ['src-shared/x.ts', '../src-server/app'],
    // The shared UI components: React and antd over the contract, nothing of either UI.
    ['src-ui/X.tsx', 'zustand'],
    ['src-ui/X.tsx', '../src-renderer/rpc/client'],
    ['src-ui/X.tsx', 'node:fs'],
    // The counter UI: its UI libraries, never a database, PDF or server library.
    ['src-renderer/x.ts', 'better-sqlite3'],
    ['src-renderer/x.ts', 'pg'],
    ['src-renderer/x.ts', 'pdfkit'],
    ['src-renderer/x.ts', 'pdfmake'],
    ['src-renderer/x.ts', 'fastify'],
    ['src-renderer/x.ts', 'electron'],
    ['src-renderer/x.ts', 'node:fs'],
    ['src-renderer/screens/X.tsx', '../../src-main/core/core'],
    ['src-renderer/x.ts', '../src-server/app'],
    // core: its Node libraries, never a UI library, never its hosts or the hub.
    ['src-main/core/dossiers/x.ts', 'electron'],
    ['src-main/core/x.ts', 'react'],
    ['src-main/core/x.ts', 'antd'],
    ['src-main/core/x.ts', 'pg'],
    ['src-main/core/x.ts', '../electron/ipc'],
    ['src-main/core/x.ts', '../web/server'],
    ['src-main/core/x.ts', '../cli'],
    ['src-main/core/x.ts', '../../src-server/app'],
    ['src-main/core/x.ts', '../../src-renderer/main'],
    // The hosts.
    ['src-main/web/x.ts', 'electron'],
    ['src-main/web/x.ts', '../../src-server/app'],
    ['src-main/electron/x.ts', 'react'],
    ['src-main/cli/x.ts', 'fastify'],
    // The hub's Node code: never the counter, never a UI library, never its own admin page.
    ['src-server/x.ts', '../src-main/core/core'],
    ['src-server/x.ts', 'react'],
    ['src-server/x.ts', 'better-sqlite3'],
    ['src-server/routes/x.ts', '../admin-ui/api/client'],
    // The admin page: browser code that reaches the hub only over HTTP.
    ['src-server/admin-ui/screens/X.tsx', '../../admin/communes'],
    ['src-server/admin-ui/x.ts', '../db/schema'],
    ['src-server/admin-ui/x.ts', '../routes/admin'],
    ['src-server/admin-ui/x.ts', 'fastify'],
    ['src-server/admin-ui/x.ts', 'node:fs'],
    ['src-server/admin-ui/x.ts', 'drizzle-orm'],
  ])('%s may not import %s', async (file, source) => {
    expect(await messages(file, importOf(source), 'motcua/layer-imports')).toHaveLength(1);
  });

  it.each([
    ['src-shared/x.ts', 'zod'],
    ['src-shared/signing/x.ts', 'pkijs'],
    ['src-shared/signing/x.ts', 'asn1js'],
    ['src-shared/signing/x.ts', '@peculiar/x509'],
    ['src-shared/rpc/x.ts', '../domain/text'],
    ['src-ui/X.tsx', 'antd'],
    ['src-ui/X.tsx', '@shared/errors'],
    ['src-renderer/x.ts', 'antd'],
    ['src-renderer/x.ts', '@ant-design/icons'],
    ['src-renderer/x.ts', 'react-dom/client'],
    ['src-renderer/x.ts', '@shared/rpc'],
    ['src-renderer/screens/X.tsx', '../../src-ui/SignInForm'],
    ['src-main/core/x.ts', 'drizzle-orm/sqlite-core'],
    ['src-main/core/signing/x.ts', 'pkcs11js'],
    ['src-main/core/signing/x.ts', '@signpdf/placeholder-pdf-lib'],
    ['src-renderer/ui/font.ts', '@fontsource/be-vietnam-pro/400.css'],
    ['src-server/admin-ui/ui/font.ts', '@fontsource/be-vietnam-pro/400.css'],
    ['src-main/core/x.ts', 'node:fs'],
    ['src-main/core/x.ts', '../../src-shared/dossier'],
    ['src-main/electron/main.ts', 'electron'],
    ['src-main/electron/main.ts', '../core/core'],
    ['src-main/web/server.ts', 'fastify'],
    ['src-main/cli.ts', './core/core'],
    ['src-server/x.ts', 'fastify'],
    ['src-server/x.ts', '../src-shared/rpc'],
    ['src-server/version.ts', '../package.json'],
    ['src-server/admin-ui/x.ts', '@shared/hub-admin/api'],
    ['src-server/admin-ui/screens/X.tsx', '../../../src-ui/SignInForm'],
  ])('%s may import %s', async (file, source) => {
    expect(await messages(file, importOf(source), 'motcua/layer-imports')).toEqual([]);
  });

  it('names the layer and where its allow-list lives', async () => {
    const [message] = await messages('src-renderer/x.ts', importOf('better-sqlite3'), 'motcua/layer-imports');
    expect(message).toContain('src-renderer');
    expect(message).toContain('eslint/layers.js');
  });
});

describe('the PDF engine has one door', () => {
  it.each([
    ['src-main/core/print/service.ts', './pdf-engine'],
    ['src-main/core/reports/export.ts', '../print/pdf-engine/index'],
    ['src-main/core/print/render.ts', './pdf-engine/engine'],
    ['src-main/core/print/forms/mau01.ts', '../pdf-engine/shared-fonts'],
  ])('%s may not import %s', async (file, source) => {
    expect(await messages(file, importOf(source), 'motcua/one-door')).toHaveLength(1);
  });

  it.each([
    ['src-main/core/print/render.ts', './pdf-engine'],
    ['src-main/core/print/pdf-engine/engine.ts', './renderer'],
    ['src-main/core/print/pdf-engine/index.ts', './shared-fonts'],
  ])('%s may import %s', async (file, source) => {
    expect(await messages(file, importOf(source), 'motcua/one-door')).toEqual([]);
  });
});

describe('no silent catch', () => {
  it.each([
    ['src-main/core/x.ts', 'export function f(g: () => void) {\n  try {\n    g();\n  } catch {\n    return 1;\n  }\n  return 0;\n}'],
    ['src-renderer/x.ts', 'export const f = (p: Promise<void>) => p.catch(() => undefined);'],
    ['tests/x.test.ts', 'export const f = (p: Promise<void>) => p.catch(function () {\n  return 1;\n});'],
  ])('%s: refuses a catch that does not name its error', async (file, code) => {
    expect(await messages(file, code, 'motcua/no-silent-catch')).toHaveLength(1);
  });

  it('lets a catch through that names its error', async () => {
    const code = [
      'export function f(g: () => void) {',
      '  try {',
      '    g();',
      '  } catch (err) {',
      '    if (!(err instanceof SyntaxError)) throw err;',
      '  }',
      '}',
      'export const h = (p: Promise<void>) => p.catch((err: unknown) => console.error(err));',
    ].join('\n');
    expect(await messages('src-main/core/x.ts', code, 'motcua/no-silent-catch')).toEqual([]);
  });
});

describe('icons say how a screen reader reads them', () => {
  it.each([
    ['src-renderer/X.tsx', "import { PrinterOutlined } from '@ant-design/icons';\nexport const X = () => <button><PrinterOutlined /> In</button>;"],
    ['src-ui/X.tsx', "import { CloseCircleFilled } from '@ant-design/icons';\nexport const x = { clearIcon: <CloseCircleFilled /> };"],
    ['src-server/admin-ui/X.tsx', "import { SyncOutlined } from '@ant-design/icons';\nexport const X = ({ busy }: { busy: boolean }) => <SyncOutlined spin={busy} />;"],
  ])('%s: refuses an icon that would be read by its English name', async (file, code) => {
    expect(await messages(file, code, 'motcua/icon-says-how-read')).toHaveLength(1);
  });

  it('lets through an icon hidden beside its text, or named in Vietnamese', async () => {
    const code = [
      "import { CloseCircleFilled, PrinterOutlined } from '@ant-design/icons';",
      'export const A = () => <button><PrinterOutlined aria-hidden /> In</button>;',
      "export const B = () => <CloseCircleFilled aria-label=\"Xóa nội dung đã gõ\" />;",
    ].join('\n');
    expect(await messages('src-renderer/X.tsx', code, 'motcua/icon-says-how-read')).toEqual([]);
  });
});

/** The names a file using every platform global leaves undeclared under a layer's tsconfig.json. */
function undeclaredGlobals(layerDir: string): string[] {
  const configFile = path.join(REPO_ROOT, layerDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  const probe = path.join(REPO_ROOT, layerDir, '__globals_probe__.ts');
  const text = 'export const used = [typeof Buffer, typeof process, typeof document, typeof window, typeof TextEncoder, typeof crypto, typeof atob];\n';
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => (file === probe ? ts.createSourceFile(file, text, language) : getSourceFile(file, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === probe || fileExists(file);
  // The probe and the layer's own declarations (src-shared/platform.d.ts), as the layer's files see them.
  const declarations = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [probe, ...declarations], options: parsed.options, host });
  return program
    .getSemanticDiagnostics(program.getSourceFile(probe))
    .map((d) => /Cannot find name '(\w+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))?.[1] ?? ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .sort();
}

describe("each layer's tsconfig.json refuses the other platforms' globals", () => {
  it.each([
    ['src-shared', ['Buffer', 'document', 'process', 'window']],
    ['src-main', ['document', 'window']],
    ['src-server', ['document', 'window']],
    ['src-renderer', ['Buffer', 'process']],
    ['src-server/admin-ui', ['Buffer', 'process']],
    ['src-ui', ['Buffer', 'process']],
  ])('%s leaves %j undeclared', (layer, missing) => {
    expect(undeclaredGlobals(layer)).toEqual(missing);
  }, 60_000);
});

async function wallClockReads(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('time is read only through a clock', () => {
  it.each([
    ['src-main/core/dossiers/x.ts', 'export const at = () => new Date();'],
    ['src-main/core/x.ts', 'export const ms = Date.now();'],
    ['src-main/core/x.ts', 'export const tick = Date.now;'],
    ['src-main/web/x.ts', 'export const at = new Date().toISOString();'],
    ['src-main/cli/x.ts', 'export const at = new Date();'],
    ['src-server/routes/x.ts', 'export const at = new Date();'],
    ['src-server/sync/x.ts', 'export const ms = Date.now() - 5;'],
    ['src-shared/domain/x.ts', 'export function today() { return new Date(); }'],
    ['src-renderer/screens/X.tsx', "import dayjs from 'dayjs';\nexport const today = dayjs();"],
    ['src-renderer/x.ts', 'export const ms = Date.now();'],
    ['src-server/admin-ui/screens/X.tsx', "import dayjs from 'dayjs';\nexport const month = dayjs().startOf('month');"],
  ])('%s: refuses reading the machine clock directly', async (file, code) => {
    const messages = await wallClockReads(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/clock/);
  });

  it.each([
    ['src-main/core/x.ts', "export const at = (iso: string) => new Date(iso);\nexport const t = new Date(0);"],
    ['src-main/core/x.ts', 'const started = performance.now();\nexport const ms = performance.now() - started;'],
    ['src-main/core/x.ts', "import type { Clock } from './clock';\nexport const at = (clock: Clock) => clock.now();"],
    ['src-renderer/x.ts', "import dayjs from 'dayjs';\nexport const d = dayjs('2026-11-17');"],
    // The clock modules themselves, and tests (which set their own clocks through them).
    ['src-main/core/clock.ts', 'export const systemClock = { now: () => new Date() };'],
    ['src-server/clock.ts', 'export const systemClock = { now: () => new Date() };'],
    ['src-renderer/ui/clock.ts', 'export const now = () => new Date();'],
    ['src-server/admin-ui/ui/clock.ts', "import dayjs from 'dayjs';\nexport const nowDayjs = () => dayjs(new Date());"],
    ['tests/support/x.ts', 'export const deadline = Date.now() + 1000;'],
  ])('%s: allows times passed in, durations and the clock modules', async (file, code) => {
    expect(await wallClockReads(file, code)).toEqual([]);
  });
});
