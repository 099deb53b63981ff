/**
 * `npm run cli -- <command> [flags]`: administration from a terminal (backup, restore, verify,
 * import catalog, demo data). Each command lives in src-main/cli/; this file only dispatches.
 */
import type { CliCommand } from './cli/command';
import { COMMANDS } from './cli/commands';

function help(commands: CliCommand[]): void {
  console.log('Cách dùng: npm run cli -- <lệnh> [tùy chọn]\n');
  for (const c of commands) console.log(`  ${c.usage}\n      ${c.summary}`);
}

const [name, ...args] = process.argv.slice(2);
const command = COMMANDS.find((c) => c.name === name);
if (!command) {
  if (name && name !== 'help') console.error(`Không có lệnh "${name}".\n`);
  help(COMMANDS);
  process.exit(name && name !== 'help' ? 2 : 0);
}
try {
  process.exit(await command.run(args));
} catch (err) {
  console.error(`Lỗi: ${(err as Error).message}`);
  process.exit(1);
}
