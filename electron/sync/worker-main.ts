import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { ensureWorkstation } from '../core/workstation';
import { openStore } from '../store/open-store';
import { createScanVault, scanVaultDir } from '../services/scans/scan-vault';
import { createBlobSync } from './blob-sync';
import { httpTransport } from './http-transport';
import { privateKeyFromBase64 } from './request-signer';
import { initialSyncState } from './sync-progress';
import { startSyncLoop } from './sync-loop';
import { readSyncIdentity } from './sync-settings';

/**
 * The sync worker thread (ARCHITECTURE rule 6): its own connection to the encrypted database,
 * the only code that talks to the server. The main thread sends `poke` and `stop`; the worker
 * posts its state.
 */
const input = z
  .object({ dbPath: z.string(), keyHex: z.string().regex(/^[0-9a-f]{64}$/), nativeBinding: z.string().optional() })
  .parse(workerData);

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs only as a worker thread');

const store = await openStore({
  path: input.dbPath,
  key: Buffer.from(input.keyHex, 'hex'),
  create: false,
  nativeBinding: input.nativeBinding,
  cacheMiB: 32,
});
const identity = store.transaction((tx) => readSyncIdentity(tx));
if (!identity) {
  port.postMessage({ type: 'state', state: initialSyncState });
  await store.close();
} else {
  const actor = ensureWorkstation(store, new Date());
  const transport = httpTransport({
    servers: identity.servers,
    deviceId: identity.deviceId,
    privateKey: privateKeyFromBase64(identity.privateKey),
  });
  const vault = createScanVault({ dir: scanVaultDir(input.dbPath), storeKey: Buffer.from(input.keyHex, 'hex') });
  const loop = startSyncLoop({
    store,
    actor,
    transport,
    blobs: createBlobSync(store, transport, vault),
    onState: (state) => port.postMessage({ type: 'state', state }),
  });
  port.on('message', (message: unknown) => {
    if (message === 'poke') loop.poke();
    if (message === 'stop') {
      void loop
        .stop()
        .then(() => store.close())
        .then(() => port.close());
    }
  });
}
