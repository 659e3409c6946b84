import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical-json';
import { AppError } from '../../../shared/errors/app-error';
import type { DictionaryRow, ReadDictionary, RefusedRow } from './dictionary-types';
import type { RowVerdict } from './read-table';

/**
 * НСИ dictionaries as the ministry's ФНСИ portal exports them: a passport
 * (`OID_VERSION_passport.json`: `oid`, `version`, `rowsCount`, `fields`) and parts
 * (`OID_VERSION_partN.json`: `{ total, list: [[{ column, value }, …], …] }`). The files travel and
 * are kept as one canonical bundle (`{ format, passport, parts }`, canonical JSON), so a release is
 * one blob and the same export always makes the same bytes.
 */
export interface NsiSpec {
  /** The stored dictionary name. */
  name: string;
  oid: string;
  /** Columns the reader needs, found by name (any case, any order, more are fine). */
  required: readonly string[];
  readRow(get: (column: string) => string): RowVerdict;
}

export const nsiBundleFormat = 'fnsi-json';

const passportSchema = z.looseObject({
  oid: z.string().min(1).max(100),
  version: z.string().min(1).max(40),
  rowsCount: z.number().int().nonnegative(),
  fields: z.array(z.looseObject({ field: z.string() })).optional(),
});
type Passport = z.infer<typeof passportSchema>;
const partSchema = z.looseObject({ total: z.number().optional(), list: z.array(z.unknown()) });
type Part = z.infer<typeof partSchema>;
const bundleSchema = z.object({
  format: z.literal(nsiBundleFormat),
  passport: passportSchema,
  parts: z.array(partSchema),
});
const rowSchema = z.array(
  z.object({ column: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
);

export interface NsiFile {
  name: string;
  text: string;
}

function parseFile<T>(file: NsiFile, schema: z.ZodType<T>): T {
  if (file.text.trim() === '') throw new AppError('dictionary.nsi.empty', { params: { file: file.name } });
  let value: unknown;
  try {
    value = JSON.parse(file.text.replace(/^\ufeff/, ''));
  } catch {
    throw new AppError('dictionary.nsi.json', { params: { file: file.name } });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('dictionary.nsi.shape', { params: { file: file.name } });
  return parsed.data;
}

/** The passport and the parts (in part order) as one canonical bundle; each file checked on its own. */
export function nsiBundle(passport: NsiFile, parts: readonly NsiFile[]): string {
  if (parts.length === 0) throw new AppError('dictionary.nsi.no_parts');
  return canonicalJson({
    format: nsiBundleFormat,
    passport: parseFile(passport, passportSchema),
    parts: parts.map((part) => parseFile(part, partSchema)),
  });
}

/**
 * Reads a bundle: the passport must describe `spec`'s dictionary, the parts must hold the rows it
 * counts, and the needed columns must be there; then every row is read on its own — a bad one is
 * refused with its part and row number. A code seen twice keeps the current record (the НМУ reuses
 * the codes of retired services); two current records with one code refuse the later one.
 */
export function readNsiBundle(spec: NsiSpec, text: string, fileName: string): ReadDictionary {
  const { passport, parts } = parseFile({ name: fileName, text }, bundleSchema);
  if (passport.oid !== spec.oid)
    throw new AppError('dictionary.nsi.oid', { params: { expected: spec.oid, actual: passport.oid.slice(0, 100) } });
  const actual = parts.reduce((sum, part) => sum + part.list.length, 0);
  if (actual !== passport.rowsCount)
    throw new AppError('dictionary.nsi.rows_count', { params: { expected: passport.rowsCount, actual } });
  assertColumns(spec, passport, parts);

  const refused: RefusedRow[] = [];
  const kept = new Map<string, DictionaryRow & { at: { part: number; line: number } }>();
  parts.forEach((part, p) =>
    part.list.forEach((raw, r) => {
      const at = { part: p + 1, line: r + 1 };
      const row = rowSchema.safeParse(raw);
      if (!row.success) return refused.push({ ...at, code: 'dictionary.row.shape' });
      const values = new Map(row.data.map(({ column, value }) => [column.toLowerCase(), value]));
      const verdict = spec.readRow((column) => String(values.get(column.toLowerCase()) ?? '').trim());
      if (!('data' in verdict)) return refused.push({ ...at, ...verdict });
      const earlier = kept.get(verdict.code);
      if (!earlier) return kept.set(verdict.code, { ...verdict, at });
      const params = { code: verdict.code };
      if (earlier.retired && !verdict.retired) {
        refused.push({ ...earlier.at, code: 'dictionary.row.superseded', params });
        kept.delete(verdict.code);
        return kept.set(verdict.code, { ...verdict, at });
      }
      refused.push({
        ...at,
        code: verdict.retired && !earlier.retired ? 'dictionary.row.superseded' : 'dictionary.row.duplicate',
        params,
      });
    }),
  );
  refused.sort((a, b) => (a.part ?? 0) - (b.part ?? 0) || a.line - b.line);
  const rows = [...kept.values()]
    .sort((a, b) => a.at.part - b.at.part || a.at.line - b.at.line)
    .map(({ at: _at, ...row }) => row);
  return { name: spec.name, version: passport.version, rows, refused };
}

/** The passport's field list names the columns; an export without one is judged by its rows. */
function assertColumns(spec: NsiSpec, passport: Passport, parts: readonly Part[]): void {
  const columns = new Set<string>();
  if (passport.fields) for (const { field } of passport.fields) columns.add(field.toLowerCase());
  else
    for (const part of parts)
      for (const raw of part.list) {
        const row = rowSchema.safeParse(raw);
        if (row.success) for (const { column } of row.data) columns.add(column.toLowerCase());
      }
  const missing = spec.required.find((column) => !columns.has(column.toLowerCase()));
  if (missing !== undefined) throw new AppError('dictionary.nsi.column', { params: { column: missing } });
}
