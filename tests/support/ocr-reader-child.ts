/**
 * A counter process for the OCR crash test (tests/integration/scans/ocr.test.ts): opens the core
 * on the given data folder, so its background reader takes the queue up, and says on stdout which
 * page it is reading (attempt counted, not yet done) so the test can kill it right there.
 */
import { openCore } from '../../src-main/core/core';
import { ManualClock } from './clock';

const [dataDir, instant] = process.argv.slice(2) as [string, string];
const core = await openCore({ dataDir, clock: new ManualClock(instant), ocr: { idleMs: 50 } });
const reading = core.db.$client.prepare(`SELECT sha256 FROM scan_ocr WHERE state = 'pending' AND attempts > 0 LIMIT 1`);
setInterval(() => {
  const row = reading.get() as { sha256: string } | undefined;
  if (row) process.stdout.write(`reading ${row.sha256}\n`);
}, 20);
