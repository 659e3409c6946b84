import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer: the file rows this desk has imported, so that importing the same file again
 * skips them. The patients themselves are written through the door.
 */
export interface ImportedRow {
  rowSha256: string;
  patientId: string;
  sourceName: string;
  line: number;
  importedAt: string;
}

export function recordImportedRow(tx: Tx, row: ImportedRow): void {
  rawTx(tx).run(
    'INSERT INTO patient_import_rows (row_sha256, patient_id, source_name, line, imported_at) VALUES (?, ?, ?, ?, ?)',
    [row.rowSha256, row.patientId, row.sourceName, row.line, row.importedAt],
  );
}
