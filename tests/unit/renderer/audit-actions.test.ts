/**
 * Nhật ký in officials' words: every action core writes to the audit log has a Vietnamese entry,
 * and a row's details read as lines, never as JSON, codes or ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIER_ACTIONS } from '@shared/domain/lifecycle';
import { auditActionText, auditDetailLines, auditTargetText } from '../../../src-renderer/screens/settings/audit-text';
import { vi } from '../../../src-renderer/i18n/vi';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const ACTION = /'([a-z]+\.[A-Za-z_.]+)'/g;

/**
 * The actions written by core, read from the code that writes them: `action: …` properties,
 * `const action = …` and the `audit('…')` helpers. Template actions (`dossier.${type}`,
 * `print.${result}`) are expanded from the values their code can take.
 */
function emittedActions(): { literal: Set<string>; templates: Set<string> } {
  const literal = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src-main'))) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/appendAudit|audited\(/.test(text)) continue;
    const sites = [...text.matchAll(/\baction\s*[:=]\s*([^,;\n}]+(?:\?[^,;\n}]+)?)/g), ...text.matchAll(/\baudit\(([^)]*)\)/g)];
    for (const site of sites) {
      for (const m of site[1]!.matchAll(ACTION)) literal.add(m[1]!);
      for (const m of site[1]!.matchAll(/`([a-z]+)\.\$\{/g)) templates.add(m[1]!);
    }
  }
  return { literal, templates };
}

describe('audit action dictionary', () => {
  const { literal, templates } = emittedActions();

  it('finds the actions core writes (the scan itself works)', () => {
    for (const known of ['auth.login_failed', 'auth.logout', 'auth.session_ended', 'officer.enable', 'officer.disable', 'backup.create', 'signing.failed', 'sync.export_pending']) {
      expect(literal, known).toContain(known);
    }
    expect([...templates].sort()).toEqual(['dossier', 'print']);
  });

  it('has a Vietnamese entry for every action core writes', () => {
    const dossierTypes = ['receive', 'reject', 'dueRecomputed', ...DOSSIER_ACTIONS].map((a) => `dossier.${a}`);
    const printResults = ['rendered', 'printed', 'failed'].map((r) => `print.${r}`);
    const missing = [...literal, ...dossierTypes, ...printResults].filter((a) => !(a in vi.audit.actions));
    expect(missing).toEqual([]);
  });

  it('every family of action can be filtered in words', () => {
    for (const a of Object.keys(vi.audit.actions)) expect(vi.audit.families, a).toHaveProperty(`${a.slice(0, a.indexOf('.'))}.`);
  });

  it('shows an action in words, never its code', () => {
    expect(auditActionText('auth.login_failed')).toBe('Đăng nhập không thành công');
    expect(auditActionText('something.new')).toBe(vi.audit.unknownAction);
    for (const label of Object.values(vi.audit.actions)) expect(label).not.toMatch(/[a-z]+[._][a-z]+/);
  });
});

describe('audit details as lines', () => {
  it('a failed sign-in reads as a reason and the machine, not JSON', () => {
    expect(auditDetailLines('auth.login_failed', { reason: 'bad_password', source: '10.0.0.7' })).toEqual(['Lý do: sai mật khẩu', 'Máy đăng nhập: 10.0.0.7']);
  });

  it('a dossier change names the statuses and dates, hides the ids', () => {
    const lines = auditDetailLines('dossier.extend', {
      dossierId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      from: 'processing',
      to: 'processing',
      legalDueAt: '2026-11-20T10:00:00.000Z',
      promisedAt: '2026-11-25T10:00:00.000Z',
      reason: 'Chờ kết quả xác minh',
    });
    expect(lines).toEqual([
      'Từ trạng thái: Đang xử lý',
      'Sang trạng thái: Đang xử lý',
      'Hạn giải quyết theo quy định: 17:00 20/11/2026',
      'Ngày hẹn trả mới: 17:00 25/11/2026',
      'Lý do: Chờ kết quả xác minh',
    ]);
  });

  it('settings, deadlines, prints, signing and sync rows read in words', () => {
    expect(auditDetailLines('settings.update', { keys: ['idleLockMinutes', 'printer'] })).toEqual(['Mục đã đổi: thời gian tự khóa màn hình, máy in']);
    expect(auditDetailLines('catalog.setDeadline', { before: null, after: { amount: 5, unit: 'working_days', cutoff15: false }, catalogVersion: '2026-12-04.2' })).toEqual([
      'Sau: 5 ngày làm việc',
      'Phiên bản danh mục: 2026-12-04.2',
    ]);
    expect(auditDetailLines('print.printed', { form: 'mau01', sha256: 'ab'.repeat(32), printer: 'HP LaserJet', error: null })).toEqual([
      'Biểu mẫu: Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'Máy in: HP LaserJet',
    ]);
    expect(auditDetailLines('signing.failed', { source: { kind: 'print', printRecordId: 'x' }, role: 'organisation', reason: 'untrusted' })).toEqual([
      'Tài liệu ký: bản in biểu mẫu',
      'Vai trò: cơ quan',
      'Lý do: chứng thư không thuộc danh sách tin cậy',
    ]);
    expect(auditDetailLines('sync.clock_override', { reason: 'Mất điện, đồng hồ máy sai', clockOffsetMs: -3_600_000, warning: true })).toEqual([
      'Lý do: Mất điện, đồng hồ máy sai',
      'Đồng hồ máy lệch: -3.600 giây',
      'Cảnh báo: có',
    ]);
    expect(auditDetailLines('auth.lock', { reason: 'manual' })).toEqual(['Lý do: cán bộ tự khóa khi rời quầy']);
  });

  it('no line ever holds JSON, an English code or an id', () => {
    const samples: [string, unknown][] = [
      ['auth.session_ended', { reason: 'password_reset', sessions: 2 }],
      ['signing.augment', { signatureId: 'a1', from: 'ab'.repeat(32), to: 'cd'.repeat(32), timestamp: true, revocation: 'good' }],
      ['backup.restore', { via: 'cli', previousEpoch: 1, newEpoch: 2 }],
      ['sync.resubmit', { opId: 'x', newOpId: 'y', rejectedCode: 'E_SCHEMA' }],
      ['files.add', { kind: 'document', sha256: 'ef'.repeat(32), size: 204_800 }],
    ];
    for (const [action, details] of samples) {
      for (const line of auditDetailLines(action, details)) {
        expect(line).not.toMatch(/[{}"]|[a-z]+_[a-z]+|[0-9a-f]{16}/);
      }
    }
    expect(auditTargetText('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('');
    expect(auditTargetText('000.00.17.H56-261117-0001')).toBe('000.00.17.H56-261117-0001');
  });
});
