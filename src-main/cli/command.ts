/** One admin command of `npm run cli -- <name> [flags]`. */
export interface CliCommand {
  name: string;
  /** One line, Vietnamese first, for `npm run cli -- help`. */
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}
