import { integrityPassed, openStore } from '../../store/open-store';
import { auditTriggersInPlace, verifyAuditChain } from '../../store/audit-log';
import { createScanVault, scanVaultDir } from '../scans/scan-vault';
import { vaultFiles } from './desk-snapshot';

/** What a restored copy holds and whether it is whole: the verdict recorded for a backup or a drill. */
export interface CopyVerdict {
  ok: boolean;
  integrity: string[];
  chain: { ok: boolean; events: number; brokenAt: number | null };
  triggers: boolean;
  scans: { checked: number; damaged: string[] };
  counts: { patients: number; chartEntries: number; scanRows: number };
}

/**
 * Opens an unpacked copy with the key and checks it as `medcard verify` does: SQLite's integrity
 * check, the audit hash chain recomputed and its append-only triggers, and every vault file
 * opened (GCM tag and SHA-256 against its name). The copy may be migrated on opening (an older
 * backup); it is a scratch copy or the file about to be swapped in.
 */
export async function verifyCopy(dbPath: string, key: Buffer): Promise<CopyVerdict> {
  const store = await openStore({ path: dbPath, key, create: false, cacheMiB: 64 });
  let verdict: Omit<CopyVerdict, 'scans' | 'ok'>;
  try {
    const integrity = store.integrityCheck();
    verdict = store.read((tx) => {
      const chain = verifyAuditChain(tx);
      const count = (table: string) => tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0;
      return {
        integrity,
        chain: { ok: chain.ok, events: chain.events, brokenAt: chain.ok ? null : chain.broken.seq },
        triggers: auditTriggersInPlace(tx),
        counts: {
          patients: count('patients'),
          chartEntries: count('chart_entries'),
          scanRows: count('document_scans'),
        },
      };
    });
  } finally {
    await store.close();
  }
  const vaultDir = scanVaultDir(dbPath);
  const vault = createScanVault({ dir: vaultDir, storeKey: key });
  const damaged: string[] = [];
  const files = vaultFiles(vaultDir);
  for (const file of files) {
    const sha256 = file.slice(3);
    try {
      await vault.get(sha256);
    } catch {
      damaged.push(sha256);
    }
  }
  return {
    ...verdict,
    scans: { checked: files.length, damaged },
    ok: integrityPassed(verdict.integrity) && verdict.chain.ok && verdict.triggers && damaged.length === 0,
  };
}
