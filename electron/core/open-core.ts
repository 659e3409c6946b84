import { contract, isCallName } from '../../shared/api/contract';
import { openStore } from '../store/open-store';
import { markCleanClose, refuseDamagedAfterUncleanClose } from '../services/backup/startup-integrity';
import { startDeskBackups } from '../services/backup/desk-backups';
import { initialSyncState } from '../sync/sync-progress';
import { startSyncWorker, type SyncWorker } from '../sync/sync-worker';
import { systemClock, type Clock } from '../store/clock';
import type { Core, CoreOptions } from './core';
import { createDispatcher, type DispatchLog } from './dispatcher';
import { ensureWorkstation } from './workstation';
import { relyingParty, type AuthContext } from '../auth/auth-context';
import { idleLockMinutes } from '../auth/auth-settings';
import { otpAuthority } from '../auth/otp-authority';
import { warmUpPasswordChecks } from '../../node-common/password-hash';
import { actorOf } from './session-context';
import { SessionKeeper } from './session-keeper';
import { createScanPorts } from '../services/scans/scan-ports';
import type { KeyAccess } from './context';
import { sourceResourcesDir } from './resources-dir';
import { deskTimeZone } from './fixed-actor-context';

export interface OpenCoreOptions extends CoreOptions {
  clock?: Clock;
  log?: DispatchLog;
  /**
   * The background sync worker (a worker thread on the same database). `false` runs without it
   * (tests, the CLI); `workerFile` is the bundled worker under Electron.
   */
  sync?: false | { workerFile?: URL };
}

/** Opens the encrypted store, starts the sync worker, and returns the core both hosts run. */
export async function openCore(options: OpenCoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  refuseDamagedAfterUncleanClose(options.dbPath, options.key);
  const store = await openStore({
    path: options.dbPath,
    key: options.key,
    create: options.create,
    nativeBinding: options.nativeBinding,
    // Reads' audit events commit in groups (electron/store/audit-log.ts: the rule and what a crash loses).
    groupReadAudit: true,
  });
  const desk = ensureWorkstation(store, clock.now(), options.deviceName);
  const backups = startDeskBackups({
    store,
    key: options.key,
    clock,
    schedule: options.sync === false ? undefined : {},
  });
  const worker: SyncWorker | undefined =
    options.sync === false
      ? undefined
      : startSyncWorker({
          dbPath: options.dbPath,
          key: options.key,
          workerFile: options.sync?.workerFile,
          nativeBinding: options.nativeBinding,
        });
  const timeZone = deskTimeZone;
  const auth: AuthContext = {
    store,
    clock,
    desk,
    rp: relyingParty(options.relyingParty),
    timeZone,
    verifyOtp: otpAuthority(store),
  };
  const session = new SessionKeeper(() => store.transaction((tx) => idleLockMinutes(tx)));
  void warmUpPasswordChecks();
  const keys: KeyAccess = options.hardwareKey
    ? { where: 'main-process', port: options.hardwareKey }
    : { where: 'page' };
  const resourcesDir = options.resourcesDir ?? sourceResourcesDir;
  const scans = createScanPorts({ dbPath: options.dbPath, storeKey: options.key, clock });
  // Temp files of writes a crash cut short (a write in flight is younger than a minute).
  void scans.vault.removeLeftovers(new Date(clock.now().getTime() - 60_000));
  const dispatchCall = createDispatcher(
    () => ({
      store,
      clock,
      actor: actorOf(session.read(clock.now()), auth),
      timeZone,
      syncState: () => worker?.state ?? initialSyncState,
      auth,
      session,
      keys,
      resourcesDir,
      scans,
      databaseKey: options.databaseKey ?? { where: 'not-here' },
    }),
    options.log,
  );
  return {
    dispatch: async (name, input) => {
      const result = await dispatchCall(name, input);
      if (result.ok && isCallName(name) && contract[name].writes) worker?.poke();
      return result;
    },
    close: async () => {
      await worker?.stop();
      await scans.analyser.close();
      backups.stop();
      await store.close();
      markCleanClose(options.dbPath, clock.now());
    },
  };
}
