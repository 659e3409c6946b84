import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import { assertDictionaryKind } from './dictionary-names';
import { medicinesSpec } from './medicines-file';
import { nsiBundle, type NsiFile, type NsiSpec } from './nsi-json';
import { positionsSpec } from './positions-file';
import { servicesSpec } from './services-file';
import { specialtiesSpec } from './specialties-file';

/** The kinds that come as the ministry's ФНСИ JSON export (a passport and parts) rather than one file. */
export const nsiJsonSpecs: Readonly<Partial<Record<string, NsiSpec>>> = {
  medicines: medicinesSpec,
  services: servicesSpec,
  specialties: specialtiesSpec,
  positions: positionsSpec,
};

export interface DictionarySource {
  /** What is imported, kept and published: the file itself, or the ФНСИ export's bundle. */
  bytes: Uint8Array;
  sourceName: string;
}

export interface SourceOptions {
  maxBytes: number;
  /** Reads a file (tests count the reads). */
  readFile?: (path: string) => Uint8Array;
}

/**
 * The bytes of a dictionary given as files: one file for the CSV and XML kinds; for a ФНСИ JSON
 * kind, a directory holding the export (the passport of the kind's OID and its parts) or the list
 * of its files, bundled into one canonical file. Sizes are checked before anything is read.
 */
export function readDictionarySource(kind: string, paths: readonly string[], options: SourceOptions): DictionarySource {
  assertDictionaryKind(kind);
  const read = options.readFile ?? readFileSync;
  const spec = nsiJsonSpecs[kind];
  if (!spec) {
    if (paths.length !== 1) throw new AppError('dictionary.file.one', { params: { name: kind, count: paths.length } });
    const path = paths[0]!;
    assertSize([path], options.maxBytes);
    return { bytes: read(path), sourceName: basename(path) };
  }
  const { passport, parts } = exportFiles(spec, paths);
  assertSize([passport, ...parts], options.maxBytes);
  const bundle = nsiBundle(
    textOf(passport, read),
    parts.map((part) => textOf(part, read)),
  );
  return {
    bytes: Buffer.from(bundle, 'utf8'),
    sourceName: basename(passport).replace(/_passport\.json$/i, '.fnsi.json'),
  };
}

function assertSize(paths: readonly string[], max: number): void {
  const size = paths.reduce((sum, path) => sum + statSync(path).size, 0);
  if (size > max) throw new AppError('dictionary.file.too_large', { params: { size, max } });
}

function textOf(path: string, read: (path: string) => Uint8Array): NsiFile {
  try {
    return { name: basename(path), text: new TextDecoder('utf-8', { fatal: true }).decode(read(path)) };
  } catch (error) {
    if (error instanceof TypeError) throw new AppError('dictionary.file.encoding');
    throw error;
  }
}

const passportName = /_passport\.json$/i;
const partNumber = (path: string): number => Number(/_part(\d+)\.json$/i.exec(path)?.[1] ?? Number.NaN);

/** The passport and the parts, in part order: from a directory (by the kind's OID) or a list of files. */
function exportFiles(spec: NsiSpec, paths: readonly string[]): { passport: string; parts: string[] } {
  let files = [...paths];
  if (paths.length === 1 && statSync(paths[0]!).isDirectory()) {
    const dir = paths[0]!;
    const prefix = `${spec.oid}_`;
    files = readdirSync(dir)
      .filter((name) => name.startsWith(prefix) && /_(?:passport|part\d+)\.json$/i.test(name))
      .map((name) => join(dir, name));
  }
  const passports = files.filter((path) => passportName.test(path));
  if (passports.length === 0) throw new AppError('dictionary.nsi.passport_missing', { params: { oid: spec.oid } });
  if (passports.length > 1)
    throw new AppError('dictionary.nsi.passport_many', {
      params: {
        files: passports
          .map((path) => basename(path))
          .join(', ')
          .slice(0, 300),
      },
    });
  const passport = passports[0]!;
  const stem = basename(passport).replace(passportName, '');
  const parts = files
    .filter((path) => !passportName.test(path))
    .filter((path) => paths.length > 1 || basename(path).startsWith(`${stem}_part`));
  const numbered = parts.every((path) => !Number.isNaN(partNumber(path)));
  return { passport, parts: numbered ? parts.sort((a, b) => partNumber(a) - partNumber(b)) : parts };
}
