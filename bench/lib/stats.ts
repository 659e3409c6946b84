import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** Latency samples in milliseconds → the figures the benchmarks report. */
export function summarize(samples: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

export function machine(): { date: string; cpu: string; cores: number; memoryGiB: number; node: string } {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function printTable(rows: Record<string, string | number>[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const width = (column: string) => Math.max(column.length, ...rows.map((row) => String(row[column]).length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  process.stdout.write(`${line(columns.map((c) => c.padEnd(width(c))))}\n`);
  process.stdout.write(`${line(columns.map((c) => '-'.repeat(width(c))))}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => String(row[c]).padEnd(width(c))))}\n`);
}

/** Writes the run's figures to bench/out/NAME-DATE.json (ignored by git; RESULTS.md quotes them). */
export function writeResults(name: string, data: unknown): string {
  const dir = join(import.meta.dirname, '..', 'out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}

export const ms = (value: number) => value.toFixed(3);
