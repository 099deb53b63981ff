/**
 * Builds the UI bundles once per test run, so e2e tests drive the real bundles of this commit:
 * the counter's renderer and the province hub's admin page.
 */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  if (process.env.SKIP_RENDERER_BUILD === '1') return;
  await build({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  await build({ configFile: new URL('../../vite.hub.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
