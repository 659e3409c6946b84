import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

export type ReleaseLocalState = 'imported' | 'skipped' | 'failed';

/**
 * Per-desk writer: what this desk did with a dictionary release (the `local_*` columns, which
 * never sync — each desk imports a release for itself).
 */
export function setReleaseLocalState(
  tx: Tx,
  releaseId: string,
  state: ReleaseLocalState,
  code: string | null,
  at: string,
): void {
  rawTx(tx).run('UPDATE dictionary_releases SET local_state = ?, local_code = ?, local_at = ? WHERE id = ?', [
    state,
    code,
    at,
    releaseId,
  ]);
}
