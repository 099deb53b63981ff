/**
 * The crash-test writer: a real core on a data folder, receiving dossiers through the real
 * dispatch in a loop until it is killed. Each acknowledged dossier is printed as one line
 * ("ack <code> <id>") with a synchronous write, so the parent knows exactly what was promised to
 * an officer before the kill.
 * Run: node writer.mjs <dataDir> <migrationsDir> <assetsDir> <clock> (bundled by crash.test.ts);
 * <clock> is the instant core's clock reads when this process starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hostClock } from '../../src-main/core/clock';
import { openCore } from '../../src-main/core/core';
import { CRASH_ADMIN, CRASH_SETUP, crashDossier } from './fixture';

const [dataDir, migrationsDir, assetsDir, clockAt] = process.argv.slice(2);
if (!dataDir || !migrationsDir || !assetsDir || !clockAt) throw new Error('usage: writer <dataDir> <migrationsDir> <assetsDir> <clock>');
const say = (line: string) => fs.writeSync(1, `${line}\n`);

const core = await openCore({ dataDir, migrationsDir, assetsDir, clock: hostClock(clockAt), log: { error: (m, e) => say(`error ${m} ${(e as Error)?.message}`) } });
say(`open unclean=${core.uncleanShutdown ? 1 : 0}`);
if (!core.services.office.isInitialized()) {
  const init = await core.dispatch('setup.initialize', CRASH_SETUP, { token: null });
  if (!init.ok) throw new Error(JSON.stringify(init.error));
}

// Sessions live in the database: a token from an earlier run must still work after a kill.
const tokenFile = path.join(dataDir, 'crash-token');
let token = fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8') : null;
if (!token || !(await core.dispatch('auth.me', {}, { token })).ok) {
  const login = await core.dispatch('auth.login', { username: CRASH_ADMIN.username, password: CRASH_ADMIN.password }, { token: null });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  token = (login.result as { token: string }).token;
  fs.writeFileSync(`${tokenFile}.tmp`, token);
  fs.renameSync(`${tokenFile}.tmp`, tokenFile);
}
say('ready');

for (let n = 0; ; n++) {
  const res = await core.dispatch('dossiers.receive', crashDossier(n), { token });
  if (!res.ok) {
    say(`refused ${JSON.stringify(res.error)}`);
    process.exit(3);
  }
  const { code, id } = res.result as { code: string; id: string };
  say(`ack ${code} ${id}`);
  // Yield to the event loop between receipts, as a host serving requests does: the daily backup
  // (which copies pages between event-loop turns) runs interleaved with the receipts.
  await new Promise((resolve) => setImmediate(resolve));
}
