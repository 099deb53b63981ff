/**
 * An in-process core behind the real HTTP server on a random port, on a fresh SQLite file, with
 * the test's clock (a clock running from TEST_INSTANT unless the test gives its own).
 */
import type { FastifyInstance } from 'fastify';
import { openCore, type Core, type CoreOptions } from '../../src-main/core/core';
import { createWebServer } from '../../src-main/web/server';
import { runningClock } from './clock';
import { tempDir } from './web-host';

export interface CoreHost {
  core: Core;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** `rendererDir` serves the built UI too (tests/support/global-setup builds it), for e2e tests that set their own clock. */
export async function startCoreHost(opts: Partial<CoreOptions> & { rendererDir?: string } = {}): Promise<CoreHost> {
  const { rendererDir, ...coreOpts } = opts;
  const core = await openCore({ dataDir: coreOpts.dataDir ?? tempDir('motcua-core-'), clock: runningClock(), ...coreOpts });
  const app = await createWebServer({ core, ...(rendererDir ? { rendererDir } : {}) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    core,
    app,
    url,
    close: async () => {
      await app.close();
      core.close();
    },
  };
}
