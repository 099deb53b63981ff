/**
 * `npm run cli -- <command> [flags] [--clock ISO]`: administration from a terminal (backup,
 * restore, verify, import catalog, demo data). Each command lives in src-main/cli/; this file
 * only dispatches. `--clock` sets the instant the command takes as "now" (e.g. demo data for a
 * training day) instead of the machine's.
 */
import type { CliCommand } from './cli/command';
import { COMMANDS } from './cli/commands';
import { hostClock } from './core/clock';

/** Takes `--clock ISO` (or `--clock=ISO`) out of the arguments; the commands never see it. */
function takeClockFlag(args: string[]): { instant: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let instant: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--clock') instant = args[++i] ?? '';
    else if (arg.startsWith('--clock=')) instant = arg.slice('--clock='.length);
    else rest.push(arg);
  }
  return { instant, rest };
}

function help(commands: CliCommand[]): void {
  console.log('Cách dùng: npm run cli -- <lệnh> [tùy chọn]\n');
  for (const c of commands) console.log(`  ${c.usage}\n      ${c.summary}`);
}

const { instant, rest } = takeClockFlag(process.argv.slice(2));
const [name, ...args] = rest;
const command = COMMANDS.find((c) => c.name === name);
if (!command) {
  if (name && name !== 'help') console.error(`Không có lệnh "${name}".\n`);
  help(COMMANDS);
  process.exit(name && name !== 'help' ? 2 : 0);
}
try {
  process.exit(await command.run(args, { clock: hostClock(instant) }));
} catch (err) {
  console.error(`Lỗi: ${(err as Error).message}`);
  process.exit(1);
}
