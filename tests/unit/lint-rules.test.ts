/** The layer rules of ARCHITECTURE.md §2 and the clock rule fail lint when broken, and pass when kept. */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/web-host';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules', () => {
  it.each([
    ['src-main/core/dossiers/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src-main/core/x.ts', "import { registerIpc } from '../electron/ipc';\nexport const a = registerIpc;"],
    ['src-main/core/x.ts', "import { createWebServer } from '../web/server';\nexport const a = createWebServer;"],
    ['src-renderer/screens/X.tsx', "import { openCore } from '../../src-main/core/core';\nexport const a = openCore;"],
    ['src-renderer/x.ts', "import { buildApp } from '../src-server/app';\nexport const a = buildApp;"],
    ['src-renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['src-server/x.ts', "import { openCore } from '../src-main/core/core';\nexport const a = openCore;"],
    ['src-shared/domain/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['src-shared/domain/x.ts', "import path from 'path';\nexport const a = path;"],
    ['src-shared/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['src-shared/x.ts', "import { openCore } from '../src-main/core/core';\nexport const a = openCore;"],
  ])('%s: refuses a forbidden import', async (file, code) => {
    const messages = await restrictedImports(file, code);
    expect(messages.length).toBe(1);
  });

  it.each([
    ['src-main/electron/main.ts', "import { app } from 'electron';\nimport { openCore } from '../core/core';\nexport const a = [app, openCore];"],
    ['src-main/web/server.ts', "import { openCore } from '../core/core';\nimport { rpc } from '@shared/rpc';\nexport const a = [openCore, rpc];"],
    ['src-renderer/x.ts', "import { rpc } from '@shared/rpc';\nexport const a = rpc;"],
    ['src-server/x.ts', "import { rpc } from '../src-shared/rpc';\nexport const a = rpc;"],
    ['src-shared/x.ts', "import { z } from 'zod';\nexport const a = z;"],
  ])('%s: allows an import the architecture permits', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
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
