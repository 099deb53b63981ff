/** Builds the renderer once per test run, so e2e tests drive the real bundle of this commit. */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  if (process.env.SKIP_RENDERER_BUILD === '1') return;
  await build({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
