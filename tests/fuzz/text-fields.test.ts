/**
 * Free text in the contract: every string an RPC input accepts is either cleaned text
 * (src-shared/rpc/text.ts: bidi controls, zero-width and control characters removed, NFC) or a
 * value with a fixed shape (a regex, an e-mail, a date, a URL), so "Nguyễn\u202EVăn" can never
 * reach a register, a receipt or a report. The rows come from the contract itself, so a new
 * free-text field without the helper fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '@shared/domain/text';
import { rpc } from '@shared/rpc';
import { cleanMultiline, vnMultilineText, vnText } from '@shared/rpc/text';

/** Fields that are neither free text nor a shaped value, each with its reason. */
const NOT_TEXT: Record<string, string> = {
  'auth.login.password': 'a password is compared as typed (NFC only): cleaning it would change what was chosen',
  'auth.unlock.password': 'as auth.login',
  'auth.changePassword.currentPassword': 'as auth.login',
  'auth.changePassword.newPassword': 'checked by the password policy, stored only as a hash',
  'officers.create.password': 'as auth.changePassword',
  'officers.resetPassword.password': 'as auth.changePassword',
  'setup.initialize.admin.password': 'as auth.changePassword',
  'setup.initialize.setupCode': 'compared with the code printed on the host console, never stored or shown',
  'signing.sign.pin': 'given to the token as typed, like a password: never stored, logged or shown',
  'signing.updateSettings.modulePath': 'a file path is used exactly as the operating system names it (cleaning could name another file)',
  'scans.setFolder.dir': 'as signing.updateSettings.modulePath: the scanner\'s folder, named as the operating system names it',
  'scans.addFromFolder.names[]': 'file names read from that folder and given back: cleaning could name another file (core checks each is a plain name inside it)',
};

type Def = { type: string; [k: string]: any };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Where the walk found a string: cleaned, shaped, or raw (a defect unless listed in NOT_TEXT). */
function walk(schema: unknown, path: string, out: Map<string, 'cleaned' | 'shaped' | 'raw'>): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'pipe': {
      const inner = defOf(def.in);
      if (inner.type === 'pipe' && defOf(inner.in).type === 'string' && defOf(inner.out).type === 'transform') {
        const fn = defOf(inner.out).transform;
        if (fn === cleanText || fn === cleanMultiline) {
          out.set(path, 'cleaned');
          return;
        }
      }
      walk(def.in, path, out);
      return;
    }
    case 'string': {
      const shaped = def.format !== undefined || (def.checks ?? []).some((c: any) => defOf(c).check === 'string_format');
      out.set(path, shaped ? 'shaped' : 'raw');
      return;
    }
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k, out);
      return;
    case 'array':
      walk(def.element, `${path}[]`, out);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      walk(def.innerType, path, out);
      return;
    case 'union':
      (def.options as unknown[]).forEach((o) => walk(o, path, out));
      return;
    default:
      return; // numbers, booleans, enums, literals, unknown (parsed again by the handler's own schema)
  }
}

describe('free-text fields of the contract', () => {
  const found = new Map<string, 'cleaned' | 'shaped' | 'raw'>();
  for (const [name, spec] of Object.entries(rpc)) walk(spec.input, name, found);

  it('every input string is cleaned text or a shaped value', () => {
    const raw = [...found].filter(([path, kind]) => kind === 'raw' && !NOT_TEXT[path]).map(([p]) => p);
    expect(raw).toEqual([]);
    expect([...found.values()].filter((k) => k === 'cleaned').length).toBeGreaterThan(25);
  });

  it('the exceptions are real fields, each with its reason', () => {
    for (const [path, reason] of Object.entries(NOT_TEXT)) {
      expect(found.get(path), path).toBe('raw');
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u001B', '\u007F', '\u0085', '\u009B'];
const FORBIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;

const visible = fc.constantFrom(...'Nguyễn Thị Hồng Đào Đỗ Đức Dũng, thôn 3 — xã Tân Lập. 0912'.split(''), ...'Hồng'.normalize('NFD').split(''));
const junk = fc.constantFrom(...BIDI, ...ZERO_WIDTH, ...CONTROLS, '\t', '\n', '\r\n', ' ');
const typed = fc.array(fc.oneof({ weight: 4, arbitrary: visible }, { weight: 1, arbitrary: junk }), { maxLength: 80 }).map((a) => a.join(''));

describe('cleaning, as a property', () => {
  const line = vnText(0, 1000);
  const multi = vnMultilineText(0, 1000);

  it('leaves no bidi control, zero-width or control character, in NFC, and is idempotent', () => {
    fc.assert(
      fc.property(typed, (s) => {
        for (const schema of [line, multi]) {
          const out = schema.parse(s);
          expect(out).not.toMatch(FORBIDDEN);
          expect(out).toBe(out.normalize('NFC'));
          expect(schema.parse(out)).toBe(out);
        }
        expect(line.parse(s)).not.toMatch(/\n/);
      }),
      { numRuns: 2000, seed: 14_2026 },
    );
  });

  it('keeps every visible character in order: removing the junk first gives the same text', () => {
    fc.assert(
      fc.property(typed, (s) => {
        const withoutJunk = [...s].filter((c) => ![...BIDI, ...ZERO_WIDTH, ...CONTROLS].includes(c)).join('');
        expect(line.parse(s)).toBe(line.parse(withoutJunk));
      }),
      { numRuns: 2000, seed: 14_2027 },
    );
  });

  it('a name made only of invisible characters is empty, so a required field refuses it', () => {
    expect(vnText(1, 200).safeParse('\u202E\u200B\u2066\uFEFF').success).toBe(false);
    expect(vnText(1, 200).parse('Nguy\u200Bễn Văn\u202E An')).toBe('Nguyễn Văn An');
    expect(vnMultilineText(1, 200).parse('Dòng một\r\n\r\n\r\n\u2067Dòng hai\u2069')).toBe('Dòng một\n\nDòng hai');
  });
});
