/** Timing helpers for benchmarks: samples in milliseconds, summarised as median and p95. */
import fs from 'node:fs';
import path from 'node:path';

export interface Summary {
  n: number;
  median: number;
  p95: number;
  mean: number;
  max: number;
}

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, median: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s.at(-1)! };
}

export async function sample(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

export interface Row {
  measure: string;
  median?: number;
  p95?: number;
  goal?: string;
  note?: string;
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.table(
    rows.map((r) => ({
      measure: r.measure,
      median: r.median === undefined ? '' : fmt(r.median),
      p95: r.p95 === undefined ? '' : fmt(r.p95),
      goal: r.goal ?? '',
      note: r.note ?? '',
    })),
  );
}

export function writeResults(name: string, data: unknown): string {
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, ...(data as object) }, null, 2));
  return file;
}
