/**
 * `npm run bench [-- <suite> …]`: benchmarks (not timed tests). Each suite prints a table and
 * writes bench/results/<suite>.json. Suites: legal, print, ui, counter, sync, reliability, sign, scans, search-papers, queue; with no
 * name, legal and print run (the others take minutes and are asked for by name).
 */
import { runCounterBench } from './counter';
import { runLegalBench } from './legal';
import { runPrintBench } from './print';
import { runQueueBench } from './queue';
import { runReliabilityBench } from './reliability';
import { runScansBench } from './scans';
import { runScanUploadSuite } from './scans-upload';
import { runSearchPapersBench } from './search-papers';
import { runSignBench } from './sign';
import { runSyncBench } from './sync';
import { runUiBench } from './ui';

const SUITES: Record<string, () => Promise<unknown>> = {
  legal: runLegalBench,
  print: runPrintBench,
  ui: runUiBench,
  counter: runCounterBench,
  reliability: runReliabilityBench,
  sync: runSyncBench,
  sign: runSignBench,
  scans: runScansBench,
  'scans-upload': runScanUploadSuite,
  'search-papers': runSearchPapersBench,
  queue: runQueueBench,
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = asked.length ? asked : ['legal', 'print'];
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Không có bộ đo "${name}". Có: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  const result = await suite();
  const file = typeof result === 'object' && result && 'resultsFile' in result ? (result as { resultsFile: string }).resultsFile : result;
  console.log(`→ ${String(file)}`);
}
