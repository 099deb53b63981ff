/** Every CLI command, in the order `help` lists them. */
import type { CliCommand } from './command';
import { backupCommand } from './backup';
import { exportPendingCommand } from './export-pending';
import { restoreCommand } from './restore';
import { seedDemoCommand } from './seed-demo';
import { verifyCommand } from './verify';

export const COMMANDS: CliCommand[] = [seedDemoCommand, backupCommand, restoreCommand, verifyCommand, exportPendingCommand];
