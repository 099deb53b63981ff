/**
 * The password policy, the same at the counter (every role) and at the province hub (its
 * administrators): a length floor and a strength floor estimated by zxcvbn-ts, the maintained
 * TypeScript port of Dropbox's estimator, over its common-password list, English words and
 * names, and a short list of Vietnamese words people build passwords from ("matkhau",
 * "quantri", "anhyeuem"…). The person's own username, name and office are passed as user
 * inputs, so "quantri2026" for the user quantri is weak however long it is.
 *
 * Stricter for administrators: they can create accounts, restore backups and enroll devices.
 *
 * Runs where passwords are set (core, hub), never in the renderer: the dictionaries are ~1.5 MB
 * and the UI does not need them to send a password. They are loaded on the first check, not at
 * start: most starts of the app never set a password, and loading them takes about a second.
 */
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import type { translations as englishTranslations } from '@zxcvbn-ts/language-en';

export type PasswordStrictness = 'standard' | 'admin';

/** What each level asks; zxcvbn's score 0–4 is log10(guesses) in steps (2: ≥10^6, 3: ≥10^8, 4: ≥10^10). */
export const PASSWORD_RULES: Record<PasswordStrictness, { minLength: number; minScore: number }> = {
  standard: { minLength: 8, minScore: 2 },
  admin: { minLength: 12, minScore: 3 },
};

/** Words Vietnamese passwords are made of, folded (no diacritics) the way people type them. */
const VIETNAMESE_PASSWORD_WORDS = [
  'matkhau', 'quantri', 'quantrivien', 'admin', 'motcua', 'motcuaxa', 'canbo', 'congchuc', 'tiepnhan', 'hoso', 'ubnd',
  'uybannhandan', 'vietnam', 'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'xinchao', 'hanoi', 'saigon', 'hochiminh',
  'danang', 'haiphong', 'thanhhoa', 'nghean', 'matma', 'baomat', 'dangnhap', 'tuphap', 'hotich', 'chungthuc', 'diachinh',
];

/** The commonest Vietnamese family and given names, folded. */
const VIETNAMESE_NAMES = [
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'anh', 'minh', 'hoa', 'hung', 'huong', 'lan', 'linh', 'mai', 'nam', 'ngoc', 'phuong', 'quang', 'thanh', 'thao', 'trang',
  'tuan', 'dung', 'hai', 'ha', 'hien', 'hieu', 'khanh', 'long', 'nga', 'nhung', 'son', 'tam', 'thu', 'thuy', 'trung', 'van',
  'viet', 'yen', 'dao', 'hong', 'cuong', 'duc', 'thang', 'binh', 'an', 'bao', 'chi', 'giang', 'huy', 'kien', 'loan', 'my',
];

/** zxcvbn's feedback keys in the words of an office; no English reaches the officer. */
const TRANSLATIONS = {
  warnings: {
    straightRow: 'Các phím liền nhau trên bàn phím rất dễ đoán.',
    keyPattern: 'Kiểu gõ theo hình trên bàn phím rất dễ đoán.',
    simpleRepeat: 'Ký tự lặp lại như "aaa" rất dễ đoán.',
    extendedRepeat: 'Cụm ký tự lặp lại như "abcabc" rất dễ đoán.',
    sequences: 'Dãy liên tiếp như "abc" hay "6543" rất dễ đoán.',
    recentYears: 'Năm gần đây rất dễ đoán.',
    dates: 'Ngày tháng rất dễ đoán.',
    topTen: 'Đây là một trong những mật khẩu bị dùng nhiều nhất.',
    topHundred: 'Đây là mật khẩu bị dùng rất nhiều.',
    common: 'Đây là mật khẩu phổ biến.',
    similarToCommon: 'Mật khẩu này giống một mật khẩu phổ biến.',
    wordByItself: 'Một từ đứng riêng rất dễ đoán.',
    namesByThemselves: 'Họ hoặc tên đứng riêng rất dễ đoán.',
    commonNames: 'Họ tên phổ biến rất dễ đoán.',
    userInputs: 'Mật khẩu không được chứa tên đăng nhập, họ tên hay tên cơ quan.',
    pwned: 'Mật khẩu này đã bị lộ trên mạng.',
  },
  suggestions: {
    l33t: 'Thay chữ bằng số kiểu "a" → "@" không làm mật khẩu mạnh hơn.',
    reverseWords: 'Viết ngược một từ thông dụng không làm mật khẩu mạnh hơn.',
    allUppercase: 'Viết hoa vài chữ, không viết hoa tất cả.',
    capitalization: 'Viết hoa chữ cái đầu không làm mật khẩu mạnh hơn nhiều.',
    dates: 'Tránh ngày tháng gắn với bản thân.',
    recentYears: 'Tránh các năm gần đây.',
    associatedYears: 'Tránh các năm gắn với bản thân.',
    sequences: 'Tránh các dãy ký tự liên tiếp.',
    repeated: 'Tránh lặp lại từ hoặc ký tự.',
    longerKeyboardPattern: 'Dùng kiểu gõ dài hơn và đổi hướng nhiều lần.',
    anotherWord: 'Thêm vài từ ít gặp.',
    useWords: 'Dùng nhiều từ, nhưng tránh các cụm từ quen thuộc.',
    noNeed: 'Có thể tạo mật khẩu mạnh mà không cần ký hiệu, số hay chữ hoa.',
    pwned: 'Nếu đã dùng mật khẩu này ở nơi khác, hãy đổi ngay.',
  },
  timeEstimation: {
    ltSecond: 'dưới 1 giây',
    second: '{base} giây',
    seconds: '{base} giây',
    minute: '{base} phút',
    minutes: '{base} phút',
    hour: '{base} giờ',
    hours: '{base} giờ',
    day: '{base} ngày',
    days: '{base} ngày',
    month: '{base} tháng',
    months: '{base} tháng',
    year: '{base} năm',
    years: '{base} năm',
    centuries: 'hàng thế kỷ',
  },
} satisfies typeof englishTranslations;

let estimator: Promise<ZxcvbnFactory> | undefined;
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    return new ZxcvbnFactory({
      translations: TRANSLATIONS,
      graphs: common.adjacencyGraphs,
      // The names matter to zxcvbn's feedback: "passwords…" words are common passwords, "…names" are names.
      dictionary: { ...common.dictionary, ...en.dictionary, passwordsVi: VIETNAMESE_PASSWORD_WORDS, firstnamesVi: VIETNAMESE_NAMES },
    });
  })();
  return estimator;
}

export interface PasswordContext {
  strictness: PasswordStrictness;
  /** A password containing it is refused outright, whatever else it holds. */
  username?: string;
  /** The username, full name, office name…: words a password must not be built from. */
  userInputs: string[];
}

export type PasswordVerdict = { ok: true; score: number } | { ok: false; score: number; message: string };

/** "Đào" → "dao": how a name is typed without diacritics, and how guessers try it. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Folds "Nguyễn Thị Hồng Đào" into the words people type: "nguyen", "thi", "hong", "dao". */
function inputWords(inputs: string[]): string[] {
  const words = new Set<string>();
  for (const input of inputs) {
    const folded = fold(input);
    words.add(folded.replace(/[^a-z0-9]/g, ''));
    for (const w of folded.split(/[^a-z0-9]+/)) if (w.length >= 3) words.add(w);
  }
  return [...words].filter(Boolean);
}

/** The verdict, with a Vietnamese message saying why and what to do when it is too weak. */
export async function checkPassword(password: string, ctx: PasswordContext): Promise<PasswordVerdict> {
  const rules = PASSWORD_RULES[ctx.strictness];
  const who = ctx.strictness === 'admin' ? 'tài khoản quản trị' : 'tài khoản';
  if ([...password].length < rules.minLength) {
    return { ok: false, score: 0, message: `Mật khẩu ${who} phải có ít nhất ${rules.minLength} ký tự.` };
  }
  const words = inputWords(ctx.userInputs);
  const username = ctx.username ? fold(ctx.username).replace(/[^a-z0-9]/g, '') : '';
  if (username.length >= 3 && fold(password).replace(/[^a-z0-9]/g, '').includes(username)) {
    return { ok: false, score: 0, message: `Mật khẩu không được chứa tên đăng nhập "${ctx.username}".` };
  }
  // Scored as typed and without diacritics, the weaker counts: "Đào" is guessed as "dao".
  const z = await zxcvbn();
  const result = [z.check(password.normalize('NFC'), words), z.check(fold(password), words)].reduce(
    (weakest: ZxcvbnResult, r) => (r.guesses < weakest.guesses ? r : weakest),
  );
  if (result.score >= rules.minScore) return { ok: true, score: result.score };
  const why = result.feedback.warning ?? 'Mật khẩu quá dễ đoán.';
  const how = result.feedback.suggestions.length > 0 ? ` ${result.feedback.suggestions.join(' ')}` : '';
  const hint = ' Nên dùng một câu ngắn dễ nhớ gồm ba, bốn từ không liên quan đến bản thân, nối bằng dấu gạch.';
  return { ok: false, score: result.score, message: `Mật khẩu ${who} chưa đủ mạnh. ${why}${how}${hint}` };
}
