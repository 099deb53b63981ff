/**
 * Building a PrintContext from committed rows (never from UI state). The "printed at" instant
 * comes from the dossier's own history, not the clock, so reprinting an unchanged dossier gives
 * the same bytes: Mẫu 01 is dated at receipt, Mẫu 02/03/04/05 at the event they record,
 * Mẫu 06 at the dossier's last change.
 */
import { desc, and, eq, gte, lt, asc } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { PROCEDURE_FIELDS, type ProcedureField } from '@shared/domain/catalog';
import { classifyCompletion, formatDueVi, type DeadlineUnit } from '@shared/domain/deadline';
import { MS_PER_DAY, vnInstant } from '@shared/domain/vn-time';
import type { Officer } from '@shared/rpc';
import type { PrintDetails, PrintForm } from '@shared/rpc/print';
import type { CatalogService } from '../catalog/catalog-service';
import { deadlineText, limitText } from '../catalog/catalog-service';
import type { CounterDb } from '../db/open';
import { dossier, dossierEvent, office } from '../db/schema';
import { newId } from '../ids';
import { collectedByOf, noteOf, registerFacts, type HistoryEvent } from '../dossiers/history';
import { lookupKeyOf } from '../dossiers/lookup-key';
import { findRow, toSnapshot, type DossierRow } from '../dossiers/records';
import type { SettingsService } from '../settings/settings';
import { computeII06a } from '../reports/ii06a';
import type { PrintContext } from './model';

const FORM_EVENT: Partial<Record<PrintForm, string>> = {
  mau02: 'requestSupplement',
  mau03: 'reject',
  mau04: 'extend',
  mau05: 'stop',
};

/** The step a form records, as the officer knows it (the error must not show the event's code). */
const FORM_STEP: Partial<Record<PrintForm, string>> = {
  mau03: 'Từ chối tiếp nhận',
  mau04: 'Xin lỗi và hẹn lại ngày trả kết quả',
  mau05: 'Dừng xử lý',
};

export interface ContextDeps {
  db: CounterDb;
  catalog: CatalogService;
  settings: SettingsService;
  now: () => Date;
}

export function officeOf(db: CounterDb): PrintContext['office'] {
  const o = db.select().from(office).where(eq(office.id, 1)).get();
  if (!o) throw new AppError('NOT_INITIALIZED', 'Ứng dụng chưa được khởi tạo');
  return {
    governingBody: o.governingBody,
    name: o.name,
    place: o.place,
    agencyCode: o.agencyCode,
    ...(o.hubUrl ? { hubUrl: o.hubUrl } : {}),
    ...(o.phone ? { phone: o.phone } : {}),
  };
}

function procedureOf(
  deps: ContextDeps,
  row: Pick<DossierRow, 'procedureId' | 'procedureCode' | 'procedureName' | 'procedureField' | 'catalogVersion' | 'deadlineAmount' | 'deadlineUnit' | 'verificationAt'>,
): PrintContext['procedure'] {
  const fieldLabel = PROCEDURE_FIELDS[row.procedureField as ProcedureField] ?? row.procedureField;
  const p = deps.catalog.procedureAt(row.catalogVersion, row.procedureId);
  if (!p) return { code: row.procedureCode, name: row.procedureName, field: fieldLabel };
  // The limit the dossier is held to: after verification, the longer one.
  const text = row.verificationAt
    ? `${limitText({ amount: row.deadlineAmount, unit: row.deadlineUnit as DeadlineUnit })} (trường hợp cần xác minh)`
    : deadlineText(p);
  return { code: row.procedureCode, name: row.procedureName, field: fieldLabel, deadlineText: text, resolvingAgency: p.resolvingAgency };
}

/** TT 03/2025 counter forms (Mẫu 01–06): never for a procedure received for another agency. */
const TT03_FORMS: ReadonlySet<PrintForm> = new Set(['mau01', 'mau02', 'mau03', 'mau04', 'mau05', 'mau06']);

function refuseOtherAgencyForms(deps: ContextDeps, form: PrintForm, row: Pick<DossierRow, 'catalogVersion' | 'procedureId'>): void {
  if (!TT03_FORMS.has(form)) return;
  const receivedFor = deps.catalog.procedureAt(row.catalogVersion, row.procedureId)?.receivedFor;
  if (receivedFor) {
    throw new AppError(
      'CONFLICT',
      `Thủ tục này do ${receivedFor.agency} giải quyết trên biểu mẫu của mình (${receivedFor.ownForms}); Bộ phận Một cửa không in biểu mẫu theo Thông tư 03/2025/TT-VPCP cho hồ sơ này.`,
      { reason: 'other_agency_forms' },
    );
  }
}

function lastEvent(db: CounterDb, dossierId: string, type: string) {
  return db
    .select()
    .from(dossierEvent)
    .where(and(eq(dossierEvent.dossierId, dossierId), eq(dossierEvent.type, type)))
    .orderBy(desc(dossierEvent.at))
    .limit(1)
    .get();
}

function need<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new AppError('INVALID_INPUT', message);
  return value;
}

function vnDayStart(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return vnInstant(y, m, d);
}

export function buildPrintContext(
  deps: ContextDeps,
  req: { form: PrintForm; dossierId?: string; details?: PrintDetails },
  officer: Officer,
): { ctx: PrintContext; dossierId: string | null; label: string } {
  const base = { office: officeOf(deps.db), officer: { fullName: officer.fullName } };
  const details = req.details ?? {};
  const settings = deps.settings.get();
  const signer = (s?: { title: string; fullName: string }) =>
    s ?? { title: settings.signerTitle, fullName: need(settings.signerName || undefined, 'Chưa có người ký (Cài đặt → người ký) cho văn bản này') };

  if (req.form === 'mau07' || req.form === 'report_ii06a') {
    const period = need(details.period, 'Cần chọn khoảng thời gian (từ ngày, đến ngày)');
    if (req.form === 'report_ii06a') {
      const o = deps.db.select().from(office).where(eq(office.id, 1)).get()!;
      const report = computeII06a(deps.db, period.from, period.to, deps.now());
      return {
        ctx: {
          ...base,
          printedAt: new Date(vnDayStart(period.to) + MS_PER_DAY - 60_000).toISOString(),
          report: {
            periodLabel: report.periodLabel,
            from: period.from,
            to: period.to,
            reportingUnit: o.name,
            receivingUnit: `Ủy ban nhân dân ${o.province}`,
            rows: report.rows.map((r) => ({
              field: r.fieldLabel,
              receivedOnline: r.receivedOnline,
              receivedDirect: r.receivedDirect,
              carriedOver: r.carriedOver,
              resolvedEarly: r.resolvedEarly,
              resolvedOnTime: r.resolvedOnTime,
              resolvedLate: r.resolvedLate,
              pendingInTime: r.pendingInTime,
              pendingLate: r.pendingLate,
            })),
          },
        },
        dossierId: null,
        label: `bieu-ii06a-${period.from}-${period.to}`,
      };
    }
    const from = new Date(vnDayStart(period.from)).toISOString();
    const to = new Date(vnDayStart(period.to) + MS_PER_DAY).toISOString();
    const rows = deps.db.select().from(dossier).where(and(gte(dossier.receivedAt, from), lt(dossier.receivedAt, to))).orderBy(asc(dossier.receivedAt)).all();
    const lastChange = rows.reduce((m, r) => (r.updatedAt > m ? r.updatedAt : m), from);
    const histories = historiesOfPeriod(deps.db, from, to);
    return {
      ctx: {
        ...base,
        printedAt: lastChange,
        register: {
          from: period.from,
          to: period.to,
          // "Hẹn trả kết quả" is the legal due date; a Mẫu 04 promise is noted beside it, never in its place.
          rows: rows.map((r) => registerRow(deps, r, histories.get(r.id) ?? [], base.office.governingBody)),
        },
      },
      dossierId: null,
      label: `so-${period.from}-${period.to}`,
    };
  }

  if (!req.dossierId) {
    // Hướng dẫn bổ sung before receipt: Mẫu 02 for a citizen whose dossier is not received yet.
    if (req.form !== 'mau02' || !details.draft) throw new AppError('INVALID_INPUT', 'Cần chọn hồ sơ để in');
    const p = deps.catalog.get(details.draft.procedureCode);
    const supplement = need(details.supplement, 'Cần liệt kê các giấy tờ phải bổ sung');
    const at = deps.now().toISOString();
    const a = details.draft.applicant;
    const draft: DossierRow = {
      localSeq: 0, id: newId(), code: 'Chưa tiếp nhận', agencyCode: base.office.agencyCode, procedureId: p.id, procedureCode: p.code ?? p.id,
      procedureName: p.name, procedureField: p.field, catalogVersion: deps.catalog.currentVersion(), deadlineAmount: 0, deadlineUnit: 'same_day',
      cutoff15: false, applicantName: a.fullName, applicantIdNumber: a.idNumber ?? null, applicantBirthDate: a.birthDate ?? null,
      applicantGender: a.gender ?? null, applicantAddress: a.address ?? null, applicantPhone: a.phone ?? null, applicantEmail: a.email ?? null,
      searchName: '', searchAddress: '', channel: 'direct', delivery: 'counter', pages: null, copies: null, feeTotal: 0, status: 'received',
      receivedAt: at, dueAt: at, originalDueAt: at, dueProvisional: false, receivedById: officer.id, receivedByName: officer.fullName,
      supplementCount: 0, extensionCount: 0, pausedSince: null, finishedAt: null, returnedAt: null, updatedAt: at,
      extendedDueAt: null, deadlineCounting: 'hours', verificationAt: null, verificationReason: null, withdrawalRequestedAt: null,
    };
    return {
      ctx: { ...base, printedAt: at, dossier: { ...toSnapshot(deps.db, draft), documents: [], fees: [] }, procedure: procedureOf(deps, draft), supplement },
      dossierId: null,
      label: 'huong-dan-bo-sung',
    };
  }

  const row = findRow(deps.db, { id: req.dossierId });
  refuseOtherAgencyForms(deps, req.form, row);
  const snapshot = toSnapshot(deps.db, row);
  const common = { ...base, dossier: snapshot, procedure: procedureOf(deps, row) };
  const eventType = FORM_EVENT[req.form];
  const event = eventType ? lastEvent(deps.db, row.id, eventType) : undefined;
  if (eventType && !event && req.form !== 'mau02') {
    throw new AppError('CONFLICT', `Hồ sơ chưa có bước "${FORM_STEP[req.form] ?? eventType}" để in mẫu này`);
  }

  switch (req.form) {
    case 'mau01': {
      // Only the receipt carries the lookup key: it is what the citizen keeps.
      const lookupKey = lookupKeyOf(deps.db, row.id);
      return { ctx: { ...common, printedAt: row.receivedAt, ...(lookupKey ? { lookupKey } : {}) }, dossierId: row.id, label: req.form };
    }
    case 'ticket':
      return { ctx: { ...common, printedAt: row.receivedAt }, dossierId: row.id, label: req.form };
    case 'mau02':
      return {
        ctx: { ...common, printedAt: event?.at ?? row.updatedAt, supplement: need(details.supplement, 'Cần liệt kê các giấy tờ phải bổ sung') },
        dossierId: row.id,
        label: req.form,
      };
    case 'mau03':
      return { ctx: { ...common, printedAt: event!.at, refusal: { reason: event!.note ?? 'Hồ sơ không đủ điều kiện tiếp nhận' } }, dossierId: row.id, label: req.form };
    case 'mau04': {
      const apology = need(details.apology, 'Cần nhập lý do xin lỗi, gia hạn');
      return {
        ctx: {
          ...common,
          printedAt: event!.at,
          apology: {
            reason: apology.reason,
            signer: signer(apology.signer),
            newDueAt: need(row.extendedDueAt ?? undefined, 'Hồ sơ chưa có ngày hẹn trả mới (Mẫu 04)'),
            ...(apology.agencyName ? { agencyName: apology.agencyName } : {}),
          },
        },
        dossierId: row.id,
        label: req.form,
      };
    }
    case 'mau05': {
      const stop = need(details.stop, 'Cần nhập lý do dừng giải quyết');
      const withdrawal = lastEvent(deps.db, row.id, 'requestWithdrawal');
      return {
        ctx: {
          ...common,
          printedAt: event!.at,
          stop: { reason: stop.reason, signer: signer(stop.signer), ...(withdrawal ? { requestedAt: withdrawal.at } : {}), ...(stop.agencyName ? { agencyName: stop.agencyName } : {}) },
        },
        dossierId: row.id,
        label: req.form,
      };
    }
    case 'mau06': {
      const resolver = resolvingUnitName(common.procedure?.resolvingAgency, base.office.governingBody);
      const procedure = common.procedure ? { ...common.procedure, resolvingAgency: resolver } : undefined;
      return {
        ctx: { ...common, ...(procedure ? { procedure } : {}), printedAt: row.updatedAt, events: handovers(deps.db, row, base.office.name, resolver) },
        dossierId: row.id,
        label: req.form,
      };
    }
  }
}

/**
 * The unit that resolves the dossier, as the forms name it: the catalogue says "UBND cấp xã"
 * for every commune, the form wants this commune's own name.
 */
export function resolvingUnitName(agency: string | undefined, governingBody: string): string {
  if (!agency) return governingBody;
  const commune = /^(Chủ tịch )?UBND cấp xã$/.exec(agency.trim());
  return commune ? `${commune[1] ?? ''}${governingBody}` : agency;
}

/** Who received the result, in Mẫu 06's last row ("Trả kết quả cho cá nhân, tổ chức"). */
const CITIZEN_UNIT = 'Cá nhân, tổ chức nộp hồ sơ';

/**
 * Mẫu 06 rows from the timeline: only the hand-overs (to the resolving unit, back to the counter,
 * to the citizen) are rows, named by their units; the other steps (supplement, fee, verification…)
 * go into the note of the row they happened under.
 */
function handovers(db: CounterDb, row: DossierRow, officeName: string, resolver: string): NonNullable<PrintContext['events']> {
  const events = db.select().from(dossierEvent).where(eq(dossierEvent.dossierId, row.id)).orderBy(asc(dossierEvent.at), asc(dossierEvent.id)).all();
  const rows: NonNullable<PrintContext['events']> = [];
  let pending: string[] = [];
  const withNotes = (r: NonNullable<PrintContext['events']>[number], own?: string | null) => {
    const notes = [...pending, ...(own ? [own] : [])];
    pending = [];
    return notes.length ? { ...r, note: clip(notes.join('; ')) } : r;
  };
  for (const e of events) {
    const history = { type: e.type, at: e.at, officerName: e.officerName, note: e.note, data: e.data };
    switch (e.type) {
      case 'transfer':
        rows.push(withNotes({ at: e.at, fromUnit: officeName, fromPerson: e.officerName, toUnit: resolver }, e.note));
        break;
      case 'resultReady':
        rows.push(withNotes({ at: e.at, fromUnit: resolver, toUnit: officeName, toPerson: e.officerName, outcome: classifyCompletion(e.at, row.dueAt) }, e.note));
        break;
      case 'stop':
        rows.push(withNotes({ at: e.at, fromUnit: resolver, toUnit: officeName, toPerson: e.officerName }, noteOf(history)));
        break;
      case 'returnResult': {
        const by = collectedByOf([history]);
        rows.push(withNotes({ at: e.at, fromUnit: officeName, fromPerson: e.officerName, toUnit: CITIZEN_UNIT, ...(by ? { toPerson: by } : {}), outcome: classifyCompletion(e.at, row.dueAt) }, e.note));
        break;
      }
      default: {
        const note = noteOf(history);
        if (!note) break;
        const last = rows.at(-1);
        if (last) rows[rows.length - 1] = { ...last, note: clip(last.note ? `${last.note}; ${note}` : note) };
        else pending.push(note);
      }
    }
  }
  return rows;
}

function clip(note: string): string {
  return note.length > 1000 ? `${note.slice(0, 999)}…` : note;
}

type HistoryRows = Map<string, HistoryEvent[]>;

/** The events of every dossier received in [from, to), in one query, grouped by dossier. */
function historiesOfPeriod(db: CounterDb, from: string, to: string): HistoryRows {
  const rows = db
    .select({ dossierId: dossierEvent.dossierId, type: dossierEvent.type, at: dossierEvent.at, officerName: dossierEvent.officerName, note: dossierEvent.note, data: dossierEvent.data })
    .from(dossierEvent)
    .innerJoin(dossier, eq(dossier.id, dossierEvent.dossierId))
    .where(and(gte(dossier.receivedAt, from), lt(dossier.receivedAt, to)))
    .orderBy(asc(dossierEvent.at), asc(dossierEvent.id))
    .all();
  const out: HistoryRows = new Map();
  for (const { dossierId, ...e } of rows) {
    const list = out.get(dossierId);
    if (list) list.push(e);
    else out.set(dossierId, [e]);
  }
  return out;
}

/** One line of Mẫu 07: the dossier, its resolving unit, and what its history fills in. */
function registerRow(deps: ContextDeps, r: DossierRow, history: HistoryEvent[], governingBody: string): NonNullable<PrintContext['register']>['rows'][number] {
  const facts = registerFacts(history);
  // "Hẹn trả kết quả" is the legal due date; a Mẫu 04 promise is noted beside it, never in its place.
  const notes = [...(r.extendedDueAt ? [`Đã xin lỗi, hẹn lại ${formatDueVi(r.extendedDueAt)}`] : []), ...facts.notes];
  const agency = deps.catalog.procedureAt(r.catalogVersion, r.procedureId)?.resolvingAgency;
  return {
    dossier: toSnapshot(deps.db, r),
    resolvingAgency: resolvingUnitName(agency, governingBody),
    ...(facts.transferredAt ? { transferredAt: facts.transferredAt } : {}),
    ...(facts.resultReceivedAt ? { resultReceivedAt: facts.resultReceivedAt } : {}),
    ...(facts.collectedBy ? { collectedBy: facts.collectedBy } : {}),
    ...(notes.length ? { note: clip(notes.join('; ')) } : {}),
  };
}
