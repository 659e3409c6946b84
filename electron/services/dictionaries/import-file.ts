import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { readCalendar } from './calendar-file';
import type { ImportProgress, ReadDictionary, RefusedRow } from './dictionary-types';
import { assertDictionaryKind, assertDictionaryName, type DictionaryKind } from './dictionary-names';
import { readDictionarySource, type SourceOptions } from './dictionary-source';
import { readFormulary } from './formulary-file';
import { readIcd10 } from './icd10-file';
import { importDictionary, type ImportOptions, type ImportOutcome } from './import-dictionary';
import { readInsurers } from './insurers-file';
import { medicinesSpec } from './medicines-file';
import { readNsiBundle } from './nsi-json';
import { positionsSpec } from './positions-file';
import { servicesSpec } from './services-file';
import { specialtiesSpec } from './specialties-file';

/** МКБ-10 is 2.3 MB, the ЕСКЛП export 9 MB; a few times the largest НСИ file we take is still a sane bound. */
export const maxDictionaryBytes = 32 * 1024 * 1024;

const readers: Record<DictionaryKind, (text: string, fileName: string) => ReadDictionary> = {
  icd10: readIcd10,
  insurers: readInsurers,
  'calendar-ru': readCalendar,
  medicines: (text, fileName) => readNsiBundle(medicinesSpec, text, fileName),
  services: (text, fileName) => readNsiBundle(servicesSpec, text, fileName),
  formulary: readFormulary,
  specialties: (text, fileName) => readNsiBundle(specialtiesSpec, text, fileName),
  positions: (text, fileName) => readNsiBundle(positionsSpec, text, fileName),
};

export interface FileImportResult {
  outcome: ImportOutcome;
  /** Every line (or, in a ФНСИ export, part and row) the reader refused, with its error code, in file order. */
  refused: RefusedRow[];
}

export interface FileImportOptions {
  version?: string;
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  release?: ImportOptions['release'];
  /** Reads a file (tests count the reads); node's readFileSync by default. */
  readFile?: SourceOptions['readFile'];
}

/**
 * Reads a dictionary file of a known kind and imports it (all of it, in one transaction).
 * The version is `options.version`, else what the file states (МКБ-10: its НСИ file name;
 * the calendar: its own date; a ФНСИ export: its passport); a file that states none needs one given.
 */
export function importDictionaryFile(
  ctx: ActorContext,
  kind: string,
  path: string,
  options: FileImportOptions = {},
): FileImportResult {
  return importDictionaryFiles(ctx, kind, [path], options);
}

/** The same from several files: a ФНСИ JSON export's directory, or its passport and parts. */
export function importDictionaryFiles(
  ctx: ActorContext,
  kind: string,
  paths: readonly string[],
  options: FileImportOptions = {},
): FileImportResult {
  const maxBytes = options.maxBytes ?? maxDictionaryBytes;
  const source = readDictionarySource(kind, paths, { maxBytes, readFile: options.readFile });
  return importDictionaryBytes(ctx, kind, source.bytes, source.sourceName, options);
}

/**
 * The same for a file's content received by other means (an upload through the UI, a release's
 * blob): one file, or for a ФНСИ JSON kind the bundle `readDictionarySource` makes of the export.
 */
export function importDictionaryBytes(
  ctx: ActorContext,
  kind: string,
  bytes: Uint8Array,
  fileName: string,
  options: FileImportOptions = {},
): FileImportResult {
  assertDictionaryKind(kind);
  const max = options.maxBytes ?? maxDictionaryBytes;
  if (bytes.byteLength > max)
    throw new AppError('dictionary.file.too_large', { params: { size: bytes.byteLength, max } });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('dictionary.file.encoding');
  }
  const read = readers[kind](text, fileName);
  assertDictionaryName(read.name);
  const version = options.version ?? read.version;
  if (version === null) throw new AppError('dictionary.version.missing');
  const outcome = importDictionary(ctx, read.name, version, read.rows, {
    sourceName: fileName,
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
    refused: read.refused,
    onProgress: options.onProgress,
    release: options.release,
  });
  return { outcome, refused: read.refused };
}
