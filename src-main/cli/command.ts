/** One admin command of `npm run cli -- <name> [flags]`. */
import type { Clock } from '../core/clock';

export interface CliContext {
  /** The system's clock, or the one `--clock ISO` started (demo data for a training date). */
  clock: Clock;
}

export interface CliCommand {
  name: string;
  /** One line, Vietnamese first, for `npm run cli -- help`. */
  summary: string;
  usage: string;
  run(args: string[], context: CliContext): Promise<number>;
}
