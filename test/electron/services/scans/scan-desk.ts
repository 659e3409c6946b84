import type { Role } from '../../../../shared/auth/permissions';
import { patientDraftSchema } from '../../../../shared/domain/patient';
import { createPatient } from '../../../../electron/services/patients/create-patient';
import type { ScanContext } from '../../../../electron/services/scans/accept-scan';
import { createScanAnalyser, type ScanAnalyser } from '../../../../scan-checks/scan-analyser';
import { createScanVault, scanVaultDir, type ScanVault } from '../../../../electron/services/scans/scan-vault';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { draft } from '../../../support/fixtures';

/** A real encrypted desk with one patient and the scan vault beside its database. */
export interface ScanDesk extends TempDesk {
  vault: ScanVault;
  /** The real scan worker; closed with the desk. */
  analyser: ScanAnalyser;
  /** What `acceptScan` takes: the vault and the worker. */
  ports: { vault: ScanVault; analyser: ScanAnalyser };
  patientId: string;
  /** The scan services' context, acting in `role` (clerk by default). */
  scanCtx: ScanContext;
  scanRows(): number;
}

export async function openScanDesk(options: { role?: Role; analyser?: ScanAnalyser } = {}): Promise<ScanDesk> {
  const desk = await openTempDesk();
  // A person at a desk not enrolled with a server (nothing leaves it): the setup account writes no synced data.
  const actor = { ...desk.ctx.actor, kind: 'person' as const, ...(options.role ? { role: options.role } : {}) };
  const patientId = createPatient(
    { ...desk.ctx, actor: { ...actor, role: 'clerk' } },
    patientDraftSchema.parse(draft()),
  ).id;
  const vault = createScanVault({ dir: scanVaultDir(desk.dbPath), storeKey: desk.key });
  const analyser = options.analyser ?? createScanAnalyser();
  return {
    ...desk,
    vault,
    analyser,
    ports: { vault, analyser },
    cleanup: async () => {
      await analyser.close();
      await desk.cleanup();
    },
    patientId,
    scanCtx: { store: desk.store, clock: desk.ctx.clock, actor },
    scanRows: () => desk.count('document_scans'),
  };
}
