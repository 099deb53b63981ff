/**
 * Citizen identity card (CCCD / thẻ căn cước) QR reader and 12-digit personal ID validation,
 * DOMAIN §7. The QR holds `id|oldId|name|ddMMyyyy|gender|address|issueDate` (old-ID may be empty;
 * some cards and readers add trailing fields). Handheld scanners type it as a keyboard, so the
 * text arrives through IMEs and the OS: we expect NFD letters, zero-width characters, stray
 * combining marks left by Telex/VNI, look-alike pipes and a trailing CR/LF — and tolerate them.
 * The parser never guesses silently: inconsistencies become warnings for the officer.
 */
import { DomainError } from './errors';
import { cleanText, foldForSearch, nfc, stripInvisible } from './text';
import { daysInMonth, parseYmd } from './vn-time';

export type Gender = 'male' | 'female';

export interface CccdCard {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  /** 'yyyy-mm-dd' */
  birthDate: string;
  gender: Gender;
  address: string;
  /** 'yyyy-mm-dd' */
  issueDate?: string;
  /** Fields beyond the known seven, kept verbatim (cleaned). */
  extraFields: string[];
}

export type CccdErrorCode =
  | 'QR_EMPTY'
  | 'QR_FORMAT'
  | 'QR_ID_INVALID'
  | 'QR_NAME_MISSING'
  | 'QR_BIRTH_DATE_INVALID'
  | 'QR_GENDER_INVALID';

export class CccdQrError extends DomainError {
  constructor(code: CccdErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

export type CccdParseResult =
  | { ok: true; card: CccdCard; warnings: string[] }
  | { ok: false; error: CccdQrError };

/** Province codes of the 12-digit ID (63 pre-2025 provinces; still valid after the mergers), §7.2. */
export const ID_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu',
  '079': 'TP. Hồ Chí Minh', '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh',
  '086': 'Vĩnh Long', '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ',
  '093': 'Hậu Giang', '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
};

export interface IdValidation {
  valid: boolean;
  errors: { code: string; message: string }[];
  provinceCode?: string;
  provinceName?: string;
  gender?: Gender;
  /** Birth year encoded by the century digit and YY. */
  birthYear?: number;
}

/**
 * Validate a 12-digit personal ID number `PPP G YY RRRRRR` (NĐ 137/2015 Điều 7, TT 59/2021):
 * province code in the list, century/sex digit G (even = nam, odd = nữ; 0–1 → 19xx, 2–3 → 20xx …)
 * consistent with the birth date and gender when known, and birth date not in the future.
 */
export function validateIdNumber(
  idNumber: string,
  known: { birthDate?: string; gender?: Gender; today?: string } = {},
): IdValidation {
  const errors: IdValidation['errors'] = [];
  if (!/^\d{12}$/.test(idNumber)) {
    return { valid: false, errors: [{ code: 'ID_FORMAT', message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.' }] };
  }
  const provinceCode = idNumber.slice(0, 3);
  const provinceName = ID_PROVINCE_CODES[provinceCode];
  if (!provinceName) errors.push({ code: 'ID_PROVINCE', message: `Mã tỉnh ${provinceCode} trong số định danh không có trong danh mục.` });
  const g = Number(idNumber[3]);
  const gender: Gender = g % 2 === 0 ? 'male' : 'female';
  const birthYear = 1900 + Math.floor(g / 2) * 100 + Number(idNumber.slice(4, 6));
  if (known.gender && known.gender !== gender) {
    errors.push({
      code: 'ID_GENDER_MISMATCH',
      message: `Chữ số thứ 4 của số định danh ứng với giới tính ${gender === 'male' ? 'Nam' : 'Nữ'}, không khớp giới tính khai báo.`,
    });
  }
  if (known.birthDate) {
    const d = parseYmd(known.birthDate);
    if (!d) errors.push({ code: 'ID_BIRTH_DATE', message: 'Ngày sinh không hợp lệ.' });
    else {
      if (d.year !== birthYear) {
        errors.push({
          code: 'ID_YEAR_MISMATCH',
          message: `Số định danh mã hóa năm sinh ${birthYear}, không khớp năm sinh ${d.year}.`,
        });
      }
      if (known.today && known.birthDate > known.today) {
        errors.push({ code: 'ID_BIRTH_FUTURE', message: 'Ngày sinh ở tương lai.' });
      }
    }
  }
  return {
    valid: errors.length === 0,
    errors,
    provinceCode,
    ...(provinceName ? { provinceName } : {}),
    gender,
    birthYear,
  };
}

/** 'ddMMyyyy' (separators tolerated, as on the card and as officers type it) → 'yyyy-mm-dd', or null. */
export function parseCardDate(field: string): string | null {
  const digits = field.replace(/[\s/.-]/g, '');
  if (!/^\d{8}$/.test(digits)) return null;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900) return null;
  return `${digits.slice(4, 8)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
}

/** "Nam"/"Nữ" and what IMEs make of them ("Nu", "NỮ", "Nuw", "Nu~"…); also Male/Female. */
export function parseGender(field: string): Gender | null {
  const folded = foldForSearch(field).replace(/[^a-z]/g, '');
  if (folded === 'nam' || folded === 'male' || folded === 'm') return 'male';
  if (/^nu[wxsfrj]?$/.test(folded) || folded === 'female' || folded === 'f') return 'female';
  return null;
}

const digitsOnly = (s: string) => s.replace(/\s/g, '');

/** Parse the text of a CCCD / thẻ căn cước QR code as typed by a scanner. */
export function parseCccdQr(raw: string): CccdParseResult {
  const fail = (code: CccdErrorCode, message: string): CccdParseResult => ({
    ok: false,
    error: new CccdQrError(code, message, { raw }),
  });
  const warnings: string[] = [];
  const text = nfc(stripInvisible(raw))
    .replace(/[\uFF5C\u00A6\u2223\u01C0]/g, '|') // look-alike pipes from other keyboard layouts
    .replace(/^[\s\r\n]+|[\s\r\n]+$/g, '')
    .replace(/[\r\n]+/g, ' ');
  if (!text) return fail('QR_EMPTY', 'Không đọc được dữ liệu từ mã QR (chuỗi rỗng).');
  const fields = text.split('|').map(cleanText);
  if (fields.length < 5) {
    return fail('QR_FORMAT', 'Mã QR không đúng định dạng căn cước (cần ít nhất 5 trường ngăn cách bởi "|").');
  }

  let i = fields.findIndex((f) => /^\d{12}$/.test(digitsOnly(f)));
  if (i < 0) return fail('QR_ID_INVALID', 'Không tìm thấy số định danh cá nhân 12 chữ số trong mã QR.');
  const idNumber = digitsOnly(fields[i]!);
  if (i !== 0) warnings.push('Số định danh không nằm ở trường đầu tiên của mã QR.');
  i++;

  let oldIdNumber: string | undefined;
  const maybeOld = digitsOnly(fields[i] ?? '');
  if (maybeOld === '' || /^\d{9}$/.test(maybeOld) || /^\d{12}$/.test(maybeOld)) {
    if (maybeOld) oldIdNumber = maybeOld;
    i++;
  } else {
    warnings.push('Mã QR không có trường số CMND cũ.');
  }

  const fullName = fields[i] ?? '';
  if (!/\p{L}/u.test(fullName)) return fail('QR_NAME_MISSING', 'Không đọc được họ và tên trong mã QR.');
  i++;

  const birthDate = parseCardDate(fields[i] ?? '');
  if (!birthDate) return fail('QR_BIRTH_DATE_INVALID', `Ngày sinh trong mã QR không hợp lệ: "${fields[i] ?? ''}".`);
  i++;

  // Gender normally follows the birth date; tolerate one inserted field.
  let gender: Gender | null = null;
  for (let j = i; j < Math.min(i + 2, fields.length) && gender === null; j++) {
    gender = parseGender(fields[j]!);
    if (gender !== null) i = j + 1;
  }
  if (gender === null) return fail('QR_GENDER_INVALID', `Không đọc được giới tính trong mã QR: "${fields[i] ?? ''}".`);

  const address = fields[i] ?? '';
  if (!address) warnings.push('Mã QR không có nơi cư trú/nơi thường trú.');
  i++;

  let issueDate: string | undefined;
  if (i < fields.length) {
    const parsed = parseCardDate(fields[i]!);
    if (parsed) {
      issueDate = parsed;
      i++;
    } else if (fields[i]) {
      warnings.push(`Ngày cấp trong mã QR không hợp lệ: "${fields[i]}".`);
    }
  }
  const extraFields = fields.slice(i).filter((f) => f !== '');
  if (extraFields.length > 0) warnings.push(`Mã QR có thêm ${extraFields.length} trường không xác định (đã giữ nguyên).`);

  const check = validateIdNumber(idNumber, { birthDate, gender });
  for (const e of check.errors) warnings.push(e.message);

  return {
    ok: true,
    card: {
      idNumber,
      ...(oldIdNumber ? { oldIdNumber } : {}),
      fullName,
      birthDate,
      gender,
      address,
      ...(issueDate ? { issueDate } : {}),
      extraFields,
    },
    warnings,
  };
}
