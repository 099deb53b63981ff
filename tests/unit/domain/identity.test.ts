/** CCCD / thẻ căn cước QR parsing, 12-digit ID validation and phone numbers. */
import { describe, expect, it } from 'vitest';
import { parseCccdQr, parseGender, validateIdNumber, type CccdParseResult } from '@shared/domain/cccd';
import { normalizePhone } from '@shared/domain/phone';

const CHIP_CARD = '001090123456|012345678|NGUYỄN VĂN A|01011990|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021';
const NEW_CARD_NO_OLD_ID =
  '079303001234||TRẦN THỊ BÍCH NGỌC|12032003|Nữ|Số 12, Ấp 3, Xã Tân Thạnh, Tỉnh Long An|20082024\r\n';

function card(r: CccdParseResult) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r;
}

describe('parseCccdQr', () => {
  it('reads a chip CCCD (7 fields)', () => {
    const r = card(parseCccdQr(CHIP_CARD));
    expect(r.card).toEqual({
      idNumber: '001090123456',
      oldIdNumber: '012345678',
      fullName: 'NGUYỄN VĂN A',
      birthDate: '1990-01-01',
      gender: 'male',
      address: 'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      issueDate: '2021-04-15',
      extraFields: [],
    });
    expect(r.warnings).toEqual([]);
  });

  it('reads a thẻ căn cước with an empty old-ID field and a trailing CR/LF', () => {
    const r = card(parseCccdQr(NEW_CARD_NO_OLD_ID));
    expect(r.card.oldIdNumber).toBeUndefined();
    expect(r.card.fullName).toBe('TRẦN THỊ BÍCH NGỌC');
    expect(r.card.gender).toBe('female');
    expect(r.card.birthDate).toBe('2003-03-12');
    expect(r.card.issueDate).toBe('2024-08-20');
    expect(r.warnings).toEqual([]);
  });

  it('turns NFD input (scanner through the OS) into NFC', () => {
    const r = card(parseCccdQr(NEW_CARD_NO_OLD_ID.normalize('NFD')));
    expect(r.card.fullName).toBe('TRẦN THỊ BÍCH NGỌC');
    expect(r.card.fullName).toBe(r.card.fullName.normalize('NFC'));
    expect(r.card.address).toBe('Số 12, Ấp 3, Xã Tân Thạnh, Tỉnh Long An');
  });

  it('drops stray IME characters: BOM, zero-width joiners, a tone mark on the separator', () => {
    const noisy = '\uFEFF001090123456|\u200B012345678|NGUYỄN\u200D VĂN  A|\u030101011990|Nam|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021\n';
    const r = card(parseCccdQr(noisy));
    expect(r.card.fullName).toBe('NGUYỄN VĂN A');
    expect(r.card.birthDate).toBe('1990-01-01');
    expect(r.card.idNumber).toBe('001090123456');
  });

  it('reads "Nữ" mangled by Telex ("Nuw") and full-width pipes from another keyboard layout', () => {
    const r = card(parseCccdQr('079303001234｜｜TRẦN THỊ BÍCH NGỌC｜12032003｜Nuw｜Long An｜20082024'));
    expect(r.card.gender).toBe('female');
    expect(r.card.address).toBe('Long An');
  });

  it('keeps extra trailing fields and warns about them', () => {
    const r = card(parseCccdQr(`${CHIP_CARD}|Bộ Công an|X`));
    expect(r.card.extraFields).toEqual(['Bộ Công an', 'X']);
    expect(r.warnings.join(' ')).toContain('2 trường');
  });

  it('accepts a card without the issue date', () => {
    const r = card(parseCccdQr('001090123456|012345678|NGUYỄN VĂN A|01011990|Nam|Hà Nội'));
    expect(r.card.issueDate).toBeUndefined();
  });

  it('warns (does not refuse) when the ID digits disagree with gender', () => {
    const r = card(parseCccdQr('001090123456|012345678|NGUYỄN THỊ A|01011990|Nữ|Hà Nội|15042021'));
    expect(r.warnings.join(' ')).toContain('giới tính');
  });

  it.each([
    ['', 'QR_EMPTY'],
    ['\r\n', 'QR_EMPTY'],
    ['001090123456|012345678|NGUYỄN VĂN A', 'QR_FORMAT'],
    ['ABC|012345678|NGUYỄN VĂN A|01011990|Nam|Hà Nội|15042021', 'QR_ID_INVALID'],
    ['001090123456|012345678|NGUYỄN VĂN A|31021990|Nam|Hà Nội|15042021', 'QR_BIRTH_DATE_INVALID'],
    ['001090123456|012345678|NGUYỄN VĂN A|01011990|Khác|Hà Nội|15042021', 'QR_GENDER_INVALID'],
    ['001090123456|012345678||01011990|Nam|Hà Nội|15042021', 'QR_NAME_MISSING'],
  ])('refuses %j with %s', (raw, code) => {
    const r = parseCccdQr(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toBe(r.error.message.normalize('NFC'));
    }
  });

  it.each([
    ['Nam', 'male'],
    ['NỮ', 'female'],
    ['Nu', 'female'],
    ['Nữ'.normalize('NFD'), 'female'],
    ['?', null],
  ] as const)('gender token %j → %s', (token, expected) => {
    expect(parseGender(token)).toBe(expected);
  });
});

describe('validateIdNumber (PPP G YY RRRRRR)', () => {
  it('001090123456: Hà Nội, male, born 1990', () => {
    expect(validateIdNumber('001090123456', { birthDate: '1990-01-01', gender: 'male' })).toMatchObject({
      valid: true,
      provinceName: 'Hà Nội',
      gender: 'male',
      birthYear: 1990,
    });
  });

  it('079303001234: TP. Hồ Chí Minh, female, born 2003 (century digit 3)', () => {
    expect(validateIdNumber('079303001234', { birthDate: '2003-03-12', gender: 'female' })).toMatchObject({
      valid: true,
      provinceName: 'TP. Hồ Chí Minh',
      birthYear: 2003,
    });
  });

  it('rejects an unknown province code, a wrong century and a wrong length', () => {
    expect(validateIdNumber('003090123456').errors.map((e) => e.code)).toContain('ID_PROVINCE');
    expect(validateIdNumber('001290123456', { birthDate: '1990-01-01' }).errors.map((e) => e.code)).toContain('ID_YEAR_MISMATCH');
    expect(validateIdNumber('00109012345').valid).toBe(false);
  });

  it('rejects a birth date in the future given today', () => {
    expect(validateIdNumber('001226123456', { birthDate: '2026-12-01', today: '2026-11-22' }).errors.map((e) => e.code)).toContain(
      'ID_BIRTH_FUTURE',
    );
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0912.345.678', '0912345678', 'mobile'],
    ['+84 912 345 678', '0912345678', 'mobile'],
    ['84912345678', '0912345678', 'mobile'],
    ['0386-123-456', '0386123456', 'mobile'],
    ['024 3825 1234', '02438251234', 'landline'],
    ['1900 1234', '19001234', 'service'],
  ] as const)('%s → %s (%s)', (raw, national, kind) => {
    const r = normalizePhone(raw);
    expect(r).toMatchObject({ ok: true, national, kind });
  });

  it('gives the E.164 form for mobiles', () => {
    expect(normalizePhone('0912345678')).toMatchObject({ e164: '+84912345678' });
  });

  it.each(['0123456789', '12345', '09123456789', 'abc'])('refuses %s', (raw) => {
    const r = normalizePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_PHONE');
  });
});
