import { existsSync } from 'node:fs';
import { isoDay } from '../../shared/domain/calendar-date';
import { patientDraftSchema, type PatientDraft } from '../../shared/domain/patient';
import { AppError } from '../../shared/errors/app-error';
import type { KeyKeeper } from '../core/desk-key';
import { deskPaths } from '../core/desk-paths';
import { integrityPassed } from '../store/open-store';
import { keptWhere } from './key-command';
import { seedAppointmentsStage } from '../demo/seed-appointments';
import { syntheticPatients } from '../demo/synthetic-patients';
import { createPatients } from '../services/patients/create-patient';
import { assertSecureServer, enrolDesk } from '../sync/enrol-desk';
import { auditChainReport } from '../services/audit/chain-report';
import { actingStaffWithProof, deskSyncs } from './acting-staff';
import { openDesk } from './open-desk';
import { importChartDictionaries, importHint, seedChartsStage } from './seed-charts-command';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** `medcard init`: creates the encrypted database, its key kept in the OS keyring or under a passphrase. */
export async function init(db: string | undefined, io: Output): Promise<number> {
  const { dbPath, wrappedKeyFile } = deskPaths(process.env, db);
  if (existsSync(dbPath)) throw new AppError('store.exists', { params: { path: dbPath } });
  let keeper: KeyKeeper = 'env';
  const ctx = await openDesk({ db, create: true, onKey: (kept) => (keeper = kept) });
  await ctx.store.close();
  io.out(`Created ${dbPath} (SQLCipher 4, AES-256)`);
  io.out(keptWhere(keeper, wrappedKeyFile));
  return 0;
}

/** `seed-demo --charts`: where the НСИ files are, and the doctor who writes on a desk with a server. */
export interface DemoChartOptions {
  dictionaries?: string;
  doctor?: string;
}

/**
 * `medcard seed-demo --patients N [--as LOGIN] [--charts]`: deterministic synthetic patients, through the
 * service layer. With `--as`, written as that staff member (patients.write), so they sync like
 * any patient. Without it, as the desk's setup account — only on a desk not connected to a
 * server (a demo or bench desk), with a warning that they stay on it: the server refuses the
 * setup account as a writer, so on a connected desk that is refused here instead (cli.as.required).
 * With `charts`, each gets a history written by the demo doctors (electron/demo/seed-charts.ts), or
 * on a desk with a server by `--doctor LOGIN`.
 */
export async function seedDemo(
  db: string | undefined,
  count: number,
  seed: number,
  as: string | undefined,
  io: Output,
  charts?: DemoChartOptions,
): Promise<number> {
  const desk = await openDesk({ db, create: true });
  try {
    if (as === undefined && deskSyncs(desk)) throw new AppError('cli.as.required', { field: 'as' });
    if (charts?.doctor === undefined && charts !== undefined && deskSyncs(desk))
      throw new AppError('cli.as.required', { field: 'doctor' });
    if (charts !== undefined) {
      const missing = importChartDictionaries(desk, charts.dictionaries ?? '', io);
      if (missing.length > 0) {
        io.err(`No active version of ${missing.join(', ')} on this desk.\n${importHint}\n`);
        return 2;
      }
    }
    const doctors =
      charts?.doctor === undefined
        ? undefined
        : [(await actingStaffWithProof(desk, charts.doctor, 'chart.write')).actor];
    if (as === undefined) {
      io.err(
        'Warning: written as the desk’s setup account, these patients stay on this desk: the sync server would refuse them. Pass --as LOGIN to write them as a staff member.\n',
      );
    }
    const ctx = as === undefined ? desk : await actingStaffWithProof(desk, as, 'patients.write');
    const today = isoDay(ctx.clock.now(), ctx.timeZone);
    const batchSize = 5000;
    let batch: PatientDraft[] = [];
    let done = 0;
    const created: string[] = [];
    const started = performance.now();
    const flush = () => {
      created.push(...createPatients(ctx, batch));
      done += batch.length;
      batch = [];
      io.err(`\rpatients: ${done} / ${count}`);
    };
    for (const draft of syntheticPatients({ seed, count, today })) {
      batch.push(patientDraftSchema.parse(draft));
      if (batch.length === batchSize) flush();
    }
    if (batch.length > 0) flush();
    const seconds = (performance.now() - started) / 1000;
    io.err('\n');
    io.out(`Enrolled ${done} synthetic patients in ${seconds.toFixed(1)} s (${Math.round(done / seconds)}/s)`);
    if (charts !== undefined) await seedChartsStage(desk, created, { seed, doctors }, io);
    if (charts !== undefined)
      seedAppointmentsStage(ctx, created, { seed, dictionaries: charts.dictionaries ?? '' }, io);
    return 0;
  } finally {
    await desk.store.close();
  }
}

/**
 * `medcard verify`: SQLite's integrity check and the audit hash chain, checked against the server's
 * copy when the desk is enrolled (a cut tail or a re-hashed chain). Exit 1 on any fault.
 */
export async function verify(db: string | undefined, io: Output): Promise<number> {
  const ctx = await openDesk({ db, create: false });
  try {
    const integrity = ctx.store.integrityCheck();
    const integrityOk = integrityPassed(integrity);
    io.out(integrityOk ? 'Database integrity: ok' : `Database integrity: FAILED\n  ${integrity.join('\n  ')}`);
    const audit = await auditChainReport(ctx.store);
    for (const line of audit.lines) io.out(line);
    return integrityOk && audit.ok ? 0 : 1;
  } finally {
    await ctx.store.close();
  }
}

/** `medcard enrol-desk`: connects this desk to the central server with an admin's one-time code. */
export async function enrolDeskCommand(
  db: string | undefined,
  servers: string[],
  readCode: () => Promise<string>,
  name: string,
  io: Output,
): Promise<number> {
  for (const server of servers) assertSecureServer(server);
  const ctx = await openDesk({ db, create: false });
  try {
    const code = await readCode();
    const identity = await enrolDesk(ctx.store, { servers, code, name });
    io.out(
      `Enrolled as device ${identity.deviceId} with ${servers.join(' (backup: ')}${servers.length > 1 ? ')' : ''}`,
    );
    io.out('The desk syncs in the background from its next start.');
    return 0;
  } finally {
    await ctx.store.close();
  }
}
