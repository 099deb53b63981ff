/**
 * The clips that say "Mời công dân có số 015 đến quầy số 2", in order: the ticket's digits one by
 * one, the counter as a number (clips exist for counters 1–20: scripts/queue-voice.mjs).
 */
export const ANNOUNCED_COUNTERS = 20;

export function announcementClips(label: string, counterNo: number): string[] {
  if (!/^\d+$/.test(label)) throw new Error(`not a ticket number: ${label}`);
  if (!Number.isInteger(counterNo) || counterNo < 1 || counterNo > ANNOUNCED_COUNTERS) throw new Error(`no clip for counter ${counterNo}`);
  return ['invite', ...[...label].map((d) => `d${d}`), 'to-counter', `c${counterNo}`];
}
