/**
 * Feedback kept before the counter sent feedback to the province had no sync op: at the next
 * start the counter queues its receipt (and answer) once, and never again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src-main/core/core';
import { runningClock } from '../../support/clock';
import { tempDir } from '../../support/web-host';
import { initCounter, rpcOk } from '../sync/support';

const AGENCY = '000.00.17.H56';

describe('feedback from before the sync of feedback', () => {
  const dataDir = tempDir('motcua-feedback-backfill-');
  const clock = runningClock();
  let core: Core;
  afterAll(() => core?.close());

  const feedbackOps = () =>
    core.db.$client.prepare(`SELECT op_type AS opType, entity_id AS id, state FROM outbox WHERE op_type LIKE 'feedback.%' ORDER BY seq`).all() as { opType: string; id: string; state: string }[];

  it('queues the receipt and the answer of each old feedback once, at the next start', async () => {
    core = await openCore({ dataDir, clock });
    const { admin } = await initCounter(core, AGENCY);
    const answered = await rpcOk<{ id: string }>(core, admin, 'feedback.record', { content: 'Kiến nghị niêm yết lệ phí chứng thực rõ hơn.' });
    await rpcOk(core, admin, 'feedback.answer', { id: answered.id, answer: 'Xã đã niêm yết bảng lệ phí mới.' });
    const open = await rpcOk<{ id: string }>(core, admin, 'feedback.record', { content: 'Đề nghị bố trí thêm ghế chờ.', citizenPhone: '0987654321' });
    expect(feedbackOps().map((o) => o.opType)).toEqual(['feedback.receive', 'feedback.answer', 'feedback.receive']);

    // The database as a counter of the previous version left it: feedback, but no feedback ops.
    core.db.$client.exec(`DELETE FROM outbox WHERE op_type LIKE 'feedback.%'; DELETE FROM sync_meta WHERE key = 'feedback_ops_backfilled';`);
    core.close();
    core = await openCore({ dataDir, clock });
    expect(feedbackOps()).toEqual([
      { opType: 'feedback.receive', id: answered.id, state: 'pending' },
      { opType: 'feedback.answer', id: answered.id, state: 'pending' },
      { opType: 'feedback.receive', id: open.id, state: 'pending' },
    ]);
    const payloads = core.db.$client.prepare(`SELECT payload FROM outbox WHERE op_type LIKE 'feedback.%'`).pluck().all() as string[];
    expect(payloads.join()).not.toContain('0987654321');

    // Once only: the next start queues nothing more.
    core.close();
    core = await openCore({ dataDir, clock });
    expect(feedbackOps()).toHaveLength(3);
  });
});
