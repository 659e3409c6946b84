import type { ErrorCode } from '../../../shared/errors/catalog';

/** One entry as stored: a code, a display name, whether it is retired, and its own fields. */
export interface DictionaryRow {
  code: string;
  name: string;
  retired?: boolean;
  data: Record<string, string | number | boolean | null>;
}

/** A line of the file the importer would not take, and why. */
export interface RefusedRow {
  /** The line of a CSV file; in a ФНСИ JSON export, the row's number within its part (from 1). */
  line: number;
  /** The part of a ФНСИ JSON export (`…_partN.json`, from 1); absent for a single file. */
  part?: number;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** What a file reader makes of a file: the stored name, the version the file states, the rows. */
export interface ReadDictionary {
  name: string;
  version: string | null;
  rows: DictionaryRow[];
  refused: RefusedRow[];
}

export interface ImportProgress {
  done: number;
  total: number;
}
