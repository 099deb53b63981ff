/** The layer rules of ARCHITECTURE.md §2 fail lint when broken, and pass when kept. */
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
