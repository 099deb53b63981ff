/** Every CLI command, in the order `help` lists them. */
import type { CliCommand } from './command';
import { seedDemoCommand } from './seed-demo';

export const COMMANDS: CliCommand[] = [seedDemoCommand];
