/**
 * The RPC contract: every call the UI can make, one row each (ARCHITECTURE.md §3).
 * Core registers exactly one handler per row; both transports (Electron IPC and HTTP) carry
 * the same names and the same zod-checked shapes.
 */
import { z } from 'zod';
import { auditRows } from './rpc/audit';
import { authRows } from './rpc/auth';
import { backupRows } from './rpc/backup';
import { boardRows } from './rpc/board';
import { calendarRows } from './rpc/calendar';
import { catalogRows } from './rpc/catalog';
import { deviceRows } from './rpc/devices';
import { dossierRows } from './rpc/dossiers';
import { feedbackRows } from './rpc/feedback';
import { lookupRows } from './rpc/lookup';
import { officerRows } from './rpc/officers';
import { printRows } from './rpc/print';
import { queueRows } from './rpc/queue';
import { ratingRows, type OpenRating } from './rpc/ratings';
import { reportRows } from './rpc/reports';
import type { RpcRow } from './rpc/row';
import { scansRows } from './rpc/scans';
import { settingsRows } from './rpc/settings';
import { setupRows } from './rpc/setup';
import { signingRows, type SigningStep } from './rpc/signing';
import { storageRows } from './rpc/storage';
import { syncRows } from './rpc/sync';

// Validation messages reach the officer: Vietnamese, from zod's own maintained locale.
z.config(z.locales.vi());

export const rpc = {
  ...setupRows,
  ...authRows,
  ...officerRows,
  ...settingsRows,
  ...catalogRows,
  ...calendarRows,
  ...dossierRows,
  ...printRows,
  ...reportRows,
  ...backupRows,
  ...auditRows,
  ...syncRows,
  ...storageRows,
  ...signingRows,
  ...scansRows,
  ...deviceRows,
  ...queueRows,
  ...lookupRows,
  ...boardRows,
  ...feedbackRows,
  ...ratingRows,
} as const satisfies Record<string, RpcRow>;

export type Rpc = typeof rpc;
export type RpcName = keyof Rpc;
/** What a caller sends (before zod's transforms). */
export type RpcInput<N extends RpcName> = z.input<Rpc[N]['input']>;
/** What a handler receives (after parsing). */
export type RpcParsedInput<N extends RpcName> = z.output<Rpc[N]['input']>;
export type RpcOutput<N extends RpcName> = z.output<Rpc[N]['output']>;

export function isRpcName(name: string): name is RpcName {
  return Object.hasOwn(rpc, name);
}

/** The answer envelope of the HTTP transport, also used over IPC. */
export type RpcEnvelope<T> =
  | { ok: true; result: T }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

/** Events the core pushes to every connected window (SSE in the browser host). */
export interface RpcEvents {
  'sync.progress': { pending: number; state: string };
  /** Something the province sent or decided that the officer should see (status, catalog, revocation). */
  'sync.notice': { kind: string; message: string; dossierId?: string };
  'dossier.changed': { id: string };
  'office.changed': Record<string, never>;
  /** Sent to one window as its session ends (logout, disabled account, reset, expiry); its stream then closes. */
  'session.ended': { reason: string };
  /** One step of a signature in progress; the window that asked follows its own requestId. */
  'signing.progress': { requestId: string; step: SigningStep };
  /** An officer called a number (or called it again): the calling screen shows and announces it. */
  'queue.called': { label: string; counterNo: number; fieldName: string; callCount: number; at: string };
  /** Tickets taken, served, skipped or moved: the calling screen and kiosks refresh their counts. */
  'queue.changed': Record<string, never>;
  /** A dossier was received or returned at a counter: that counter's tablet asks for a rating. */
  'rating.opened': OpenRating;
  /** A device was paired, moved to another counter or revoked: its page asks who it is again, officers' windows what tablets exist. */
  'device.changed': { id: string };
}
export type RpcEventName = keyof RpcEvents;

export * from './errors';
export type { Role, Access, DeviceScope } from './rpc/row';
export type { Office } from './rpc/setup';
export type { Officer } from './rpc/officers';
export type { Settings } from './rpc/settings';
