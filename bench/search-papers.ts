/**
 * The Hồ sơ search with the scanned papers' words (issue #17, core/dossiers/search.ts) at a million
 * dossiers, through core's dispatch: `dossiers.search` now merges dossier_fts with the papers'
 * index newest first. Beside it in the same run, the baseline: the query before papers
 * (dossier_fts alone, the same SQL shape it had), on the same database. Then papers' text is
 * written for PAPER_DOSSIERS dossiers (60 words of a certificate each, as OCR leaves them) and the
 * search is measured again: by name, by a word every paper has, by a word of one paper.
 * BENCH_DOSSIERS overrides the size (default 1,000,000; the seeded folder is cached, bench/seeded.ts).
 */
import { foldForSearch } from '../src-shared/domain/text';
import { ftsQuery } from '../src-main/core/dossiers/search';
import { openCore } from '../src-main/core/core';
import { cachedSeededDir } from './seeded';
import { printTable, sample, summarise, writeResults, type Summary } from './stats';
import { BENCH_SETUP, loadAverage } from './support';

const PAPER_DOSSIERS = Number(process.env.BENCH_PAPER_DOSSIERS ?? 50_000);
const NAMES = ['nguyen van', 'tran thi', 'do duc', 'le thi hong', 'pham minh', 'hoang van nam', 'dao', 'vu thi thu'];
const PAPER = 'Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc GIẤY CHỨNG NHẬN quyền sử dụng đất quyền sở hữu nhà ở và tài sản khác gắn liền với đất thửa đất số tờ bản đồ số địa chỉ diện tích mục đích sử dụng thời hạn sử dụng nguồn gốc sử dụng lệ phí năm mươi nghìn đồng';

export async function runSearchPapersBench() {
  const size = Number(process.env.BENCH_DOSSIERS ?? 1_000_000);
  const dataDir = await cachedSeededDir(size, 'search-papers');
  const core = await openCore({ dataDir, ocr: { enabled: false } });
  const sqlite = core.db.$client;
  const call = async (name: string, input: unknown, token: string | null) => {
    const r = await core.dispatch(name, input, { token });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.result as any;
  };
  const token = (await call('auth.login', { username: BENCH_SETUP.admin.username, password: BENCH_SETUP.admin.password }, null)).token as string;
  const search = (query: string) => call('dossiers.search', { query, limit: 50 }, token);
  // The query before papers: dossier_fts alone, newest first, the page's rows by primary key.
  const before = sqlite.prepare(
    'SELECT d.local_seq, d.code, d.applicant_name FROM dossier d WHERE d.local_seq IN (SELECT dossier_fts.rowid FROM dossier_fts WHERE dossier_fts MATCH ? ORDER BY dossier_fts.rowid DESC LIMIT ?) ORDER BY d.local_seq DESC',
  );
  const n = 200;
  const names = (i: number) => NAMES[i % NAMES.length]!;
  await sample(40, (i) => search(names(i))); // statements prepared, pages warm
  const load0 = loadAverage();
  const baseline = summarise(await sample(n, (i) => before.all(ftsQuery(names(i)), 51)));
  const byNameEmpty = summarise(await sample(n, (i) => search(names(i))));

  // Papers for the newest PAPER_DOSSIERS dossiers (the ones a counter scans now), one row each.
  const t0 = performance.now();
  const insert = sqlite.prepare('INSERT INTO dossier_paper_fts(rowid, text) VALUES (?, ?)');
  const seqs = (sqlite.prepare('SELECT local_seq AS s FROM dossier ORDER BY local_seq DESC LIMIT ?').all(PAPER_DOSSIERS) as { s: number }[]).map((r) => r.s);
  const folded = foldForSearch(PAPER);
  sqlite.transaction(() => seqs.forEach((s, i) => insert.run(s, `${folded} so ${s} ma hieu t${i}x`)))();
  const paperWriteMs = performance.now() - t0;

  await sample(20, (i) => search(names(i)));
  const byName = summarise(await sample(n, (i) => search(names(i))));
  const common = summarise(await sample(n, () => search('chung nhan quyen su dung dat')));
  const rare = summarise(await sample(n, (i) => search(`t${(i * 7919) % PAPER_DOSSIERS}x`)));
  const load1 = loadAverage();
  const found = (await search(`t${PAPER_DOSSIERS - 1}x`)).items as { foundInPapers?: true }[];
  if (found.length !== 1 || !found[0]!.foundInPapers) throw new Error('a paper word did not find its one dossier');
  core.close();

  const ratio = (s: Summary) => `p95 ${(s.p95 / baseline.p95).toFixed(2)}× the baseline's`;
  printTable(`Hồ sơ search with papers, ${size.toLocaleString('en')} dossiers (load ${load0.toFixed(1)} → ${load1.toFixed(1)} on a shared machine)`, [
    { measure: `baseline: dossier_fts alone, by name, SQL only (${n})`, median: baseline.median, p95: baseline.p95 },
    { measure: `dossiers.search by name, no papers yet (${n})`, median: byNameEmpty.median, p95: byNameEmpty.p95, goal: 'p95 ≤ 20 ms', note: ratio(byNameEmpty) },
    { measure: `dossiers.search by name, ${PAPER_DOSSIERS.toLocaleString('en')} dossiers with papers (${n})`, median: byName.median, p95: byName.p95, goal: 'p95 ≤ 20 ms', note: ratio(byName) },
    { measure: `dossiers.search by words on every paper (${n})`, median: common.median, p95: common.p95, goal: 'p95 ≤ 20 ms', note: ratio(common) },
    { measure: `dossiers.search by a word of one paper (${n})`, median: rare.median, p95: rare.p95, goal: 'p95 ≤ 20 ms', note: ratio(rare) },
    { measure: `writing ${PAPER_DOSSIERS.toLocaleString('en')} papers' rows, one transaction`, note: `${(paperWriteMs / 1000).toFixed(1)} s` },
  ]);
  return writeResults('search-papers', { size, paperDossiers: PAPER_DOSSIERS, baseline, byNameEmpty, byName, common, rare, paperWriteMs, load0, load1 });
}
