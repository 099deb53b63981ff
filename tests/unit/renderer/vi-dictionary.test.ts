/**
 * The UI dictionary read as a commune official reads it: no English, no developer codes, no
 * citation tags, no template tokens, and none of the jargon officials stumbled on.
 */
import { describe, expect, it } from 'vitest';
import { vi as hubVi } from '../../../src-server/admin-ui/i18n/vi';
import { vi } from '../../../src-renderer/i18n/vi';

/**
 * Every string the dictionary can show, functions called with sample values: numbers first (counts,
 * counter numbers), text for functions whose parameters are words (a device's kind); five
 * samples, so a phrase of five parts shows no "undefined".
 */
function displayed(x: unknown, key = 'vi'): [string, string][] {
  if (typeof x === 'string') return [[key, x]];
  if (typeof x === 'function') return displayed(callWithSamples(x as (...a: unknown[]) => unknown), key);
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => displayed(v, `${key}.${k}`));
  return [];
}

/**
 * Strings that must show a technical text to do their job: the administrator types the pattern's
 * tokens, a device library's file path and a web address.
 */
const TECHNICAL = new Set(['vi.settings.codePattern.patternHelp', 'vi.signing.modulePathHint', 'vi.sync.hubUrlHint', 'vi.board.portalHint']);
// Letter boundaries that know Vietnamese letters: "toán" is not "to".
const ENGLISH =
  /(?<!\p{L})(?:the|and|of|to|is|for|with|not|seed|draft|error|status|failed|login|logout|settings|user|admin|sync|token|hash|null|undefined|true|false|pending|import|export|backup|offline|online|queue|default)(?!\p{L})/iu;

function callWithSamples(f: (...a: unknown[]) => unknown): unknown {
  try {
    return f(3, 4, 'X', 'Y', 'Z');
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return f('Ki-ốt', 4, 'X', 'Y', 'Z');
  }
}

const entries = [...displayed(vi), ...displayed(hubVi, 'hub')].filter(([k]) => !TECHNICAL.has(k));

describe('vi dictionary reads as officials speak', () => {
  it('is read in full (the walk reaches the nested blocks)', () => {
    expect(entries.length).toBeGreaterThan(600);
    expect(entries.map(([k]) => k)).toContain('vi.audit.actions.auth.login_failed');
  });

  it('has no English words', () => {
    const bad = entries.filter(([, s]) => ENGLISH.test(s));
    expect(bad).toEqual([]);
  });

  it('has no codes, citation tags or template tokens', () => {
    const code = /(?<!\p{L})[a-z]+[._][a-z_]+(?!\p{L})|\[[A-Z?]\]|\[R\d+\]|[{}]|`/u;
    const bad = entries.filter(([, s]) => code.test(s));
    expect(bad).toEqual([]);
  });

  it('drops the jargon officials stumbled on', () => {
    const all = entries.map(([, s]) => s).join('\n');
    for (const jargon of ['Trạng thái quốc gia', 'Độ lệch đồng hồ', 'Lệch đồng hồ', 'Thao tác chờ lâu nhất', 'Lệnh chờ gửi', 'Theo trí nhớ', 'vd: dossier.', '(JSON)', ': ?', '(PEM)', '.so)']) {
      expect(all).not.toContain(jargon);
    }
  });

  it('explains Dừng xử lý and Từ chối where the officer chooses', () => {
    expect(vi.detail.stopHint).toContain('Từ chối');
    expect(vi.intake.rejectHint).toContain('Dừng xử lý');
  });

  it('says each count of the day\'s solved dossiers beside its own words', () => {
    // It read "2 (trước hạn, đúng hạn 2, quá hạn 0)": "trước hạn" seemed to have no count.
    expect(vi.reports.solvedBreakdown(2, 2, 0)).toBe('2 (trước hạn hoặc đúng hạn: 2; quá hạn: 0)');
  });

  it('names the parts of the call bar and the pairing pad in words', () => {
    // "Quầy [ ]" beside an empty box, and a "⌫" key.
    expect(vi.queue.counterLabel).toBe('Quầy số của máy này');
    expect(vi.device.erase).toBe('Xóa');
    // A table column is the device's name, not the input's example.
    expect(vi.devices.name).toBe('Tên thiết bị');
  });

  it('is NFC throughout', () => {
    expect(entries.filter(([, s]) => s !== s.normalize('NFC'))).toEqual([]);
  });
});
