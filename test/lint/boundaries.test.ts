import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Each layer rule of eslint.config.js fed one wrong import (it must fail with its own message) and
// one allowed import (it must pass). The files need not exist: ESLint judges the path it is given.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'local/boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: { rule: string; file: string; wrong: string; message: string; allowed: string }[] = [
  {
    rule: 'renderer ↛ electron',
    file: 'renderer/screens/patients/Example.tsx',
    wrong: "import { openCore } from '../../../electron/core/open-core';\nexport const x = openCore;",
    message:
      'local/boundaries: renderer/ may not import electron/core/open-core: the renderer reaches the desk only ' +
      'through ContractApi (shared/api), injected by renderer/api/api-context.tsx.',
    allowed: "import type { ContractApi } from '../../../shared/api/facade';\nexport type X = ContractApi;",
  },
  {
    rule: 'renderer ↛ server',
    file: 'renderer/app/Example.tsx',
    wrong: "import { buildApp } from '../../server/app';\nexport const x = buildApp;",
    message:
      'local/boundaries: renderer/ may not import server/app: the renderer reaches the desk only ' +
      'through ContractApi (shared/api), injected by renderer/api/api-context.tsx.',
    allowed: "import { useApi } from '../api/api-context';\nexport const x = useApi;",
  },
  {
    rule: 'portal ↛ renderer',
    file: 'portal/screens/Example.tsx',
    wrong: "import { useApi } from '../../renderer/api/api-context';\nexport const x = useApi;",
    message:
      'local/boundaries: portal/ may not import renderer/api/api-context: the patient cabinet is a web page of ' +
      "its own: it reaches the server only over HTTP (shared/cabinet's contract) and shares only shared/.",
    allowed: "import { cabinetPaths } from '../../shared/cabinet/cabinet-api';\nexport const x = cabinetPaths;",
  },
  {
    rule: 'shared ↛ outside shared',
    file: 'shared/domain/example.ts',
    wrong: "import { openStore } from '../../electron/store/open-store';\nexport const x = openStore;",
    message:
      'local/boundaries: shared/ may not import electron/store/open-store: shared/ is isomorphic and used by ' +
      'every side, so it depends on nothing outside itself.',
    allowed: "import { AppError } from '../errors/app-error';\nexport const x = AppError;",
  },
  {
    rule: 'server ↛ electron',
    file: 'server/sync/example.ts',
    wrong: "import { recordRead } from '../../electron/store/record-door';\nexport const x = recordRead;",
    message:
      'local/boundaries: server/ may not import electron/store/record-door: the server and the desk have only ' +
      'shared/, scan-checks/ and node-common/ in common.',
    allowed: "import { inspectScan } from '../../scan-checks/check-scan';\nexport const x = inspectScan;",
  },
  {
    rule: 'node-common ↛ outside node-common and shared',
    file: 'node-common/example.ts',
    wrong: "import { noFailures } from '../electron/auth/lockout';\nexport const x = noFailures;",
    message:
      'local/boundaries: node-common/ may not import electron/auth/lockout: node-common/ is Node code the desk and ' +
      'the server share (password hashing), so it depends only on shared/ and itself.',
    allowed: "import { normalizePassword } from '../shared/auth/password-policy';\nexport const x = normalizePassword;",
  },
  {
    rule: 'scan-checks ↛ outside scan-checks and shared',
    file: 'scan-checks/example.ts',
    wrong:
      "import { createScanVault } from '../electron/services/scans/scan-vault';\nexport const x = createScanVault;",
    message:
      'local/boundaries: scan-checks/ may not import electron/services/scans/scan-vault: scan-checks/ decides ' +
      'whether a file is an acceptable scan for the desk and the server alike, so it depends only on shared/ and ' +
      'itself.',
    allowed:
      "import { scanLimits } from '../shared/scans/scan-checklist';\nimport { detectScanFormat } from './scan-format';\n" +
      'export const x = [scanLimits, detectScanFormat];',
  },
  {
    rule: 'store ↛ core',
    file: 'electron/store/example.ts',
    wrong: "import type { ServiceContext } from '../core/context';\nexport type X = ServiceContext;",
    message:
      'local/boundaries: electron/store/ may not import electron/core/context: the store is the bottom layer ' +
      'of the desk; what it needs (Actor, Clock) lives in electron/store or shared/.',
    allowed: "import type { Actor } from './actor';\nexport type X = Actor;",
  },
  {
    rule: 'store ↛ services',
    file: 'electron/store/migrations/example.ts',
    wrong:
      "import { searchPatients } from '../../services/patients/search-patients';\nexport const x = searchPatients;",
    message:
      'local/boundaries: electron/store/ may not import electron/services/patients/search-patients: the store ' +
      'is the bottom layer of the desk; what it needs (Actor, Clock) lives in electron/store or shared/.',
    allowed: "import { newId } from '../ids';\nexport const x = newId;",
  },
  {
    rule: 'store ↛ sync',
    file: 'electron/store/example.ts',
    wrong: "import { pushOutbox } from '../sync/push-outbox';\nexport const x = pushOutbox;",
    message:
      'local/boundaries: electron/store/ may not import electron/sync/push-outbox: the store is the bottom ' +
      'layer of the desk; what it needs (Actor, Clock) lives in electron/store or shared/.',
    allowed: "import { canonicalJson } from '../../shared/canonical-json';\nexport const x = canonicalJson;",
  },
  {
    rule: 'store ↛ auth',
    file: 'electron/store/example.ts',
    wrong: "import { noFailures } from '../auth/lockout';\nexport const x = noFailures;",
    message:
      'local/boundaries: electron/store/ may not import electron/auth/lockout: the store is the bottom ' +
      'layer of the desk; what it needs (Actor, Clock) lives in electron/store or shared/.',
    allowed: "import type { Clock } from './clock';\nexport type X = Clock;",
  },
  {
    rule: 'services ↛ core (but the context type)',
    file: 'electron/services/patients/example.ts',
    wrong: "import { toFieldIssues } from '../../core/zod-issues';\nexport const x = toFieldIssues;",
    message:
      'local/boundaries: electron/services/ may not import electron/core/zod-issues: a service takes its ' +
      'context as an argument; only `import type` of electron/core/context is allowed.',
    allowed: "import type { ServiceContext } from '../../core/context';\nexport type X = ServiceContext;",
  },
  {
    rule: 'services ↛ core context as a value',
    file: 'electron/services/patients/example.ts',
    wrong: "import { type ServiceContext } from '../../core/context';\nexport type X = ServiceContext;",
    message:
      'local/boundaries: electron/services/ may not import electron/core/context: a service takes its ' +
      'context as an argument; only `import type` of electron/core/context is allowed.',
    allowed: "import { recordRead } from '../../store/record-door';\nexport const x = recordRead;",
  },
  {
    rule: 'the statement runner stays in the store',
    file: 'electron/services/patients/example.ts',
    wrong: "import { rawTx } from '../../store/raw-tx';\nexport const x = rawTx;",
    message:
      'local/boundaries: electron/ may not import electron/store/raw-tx: the statement runner is the ' +
      "store's own: a synced row is written through the door (store/record-door.ts), a per-desk row through " +
      'a named writer (store/local-writers/, store/sync-writers/).',
    allowed: "import { insertRecord } from '../../store/record-door';\nexport const x = insertRecord;",
  },
  {
    rule: 'only the sync worker writes what the server said',
    file: 'electron/services/patients/example.ts',
    wrong: "import { applyServerChanges } from '../../store/sync-writers/server-changes';\nexport const x = 1;",
    message:
      'local/boundaries: electron/ may not import electron/store/sync-writers/server-changes: the sync writers ' +
      'record what the server said (its changes, pushed results, downloaded files): only the sync worker ' +
      '(electron/sync/) writes them; a service writes through the door (store/record-door.ts).',
    allowed: "import { recordRead } from '../../store/record-door';\nexport const x = recordRead;",
  },
  {
    rule: 'the store itself may hold the runner',
    file: 'electron/store/local-writers/example.ts',
    wrong: "import { openCore } from '../../core/open-core';\nexport const x = openCore;",
    message:
      'local/boundaries: electron/store/ may not import electron/core/open-core: the store is the bottom layer ' +
      'of the desk; what it needs (Actor, Clock) lives in electron/store or shared/.',
    allowed: "import { rawTx } from '../raw-tx';\nexport const x = rawTx;",
  },
  {
    rule: 'electron only at the edge',
    file: 'electron/services/scans/example.ts',
    wrong: "import { app } from 'electron';\nexport const x = app;",
    message:
      "no-restricted-imports: 'electron' import is restricted from being used. Only electron/main.ts, " +
      'electron/preload.ts and electron/ipc/ import electron (ARCHITECTURE rule 1).',
    allowed: "import { readFile } from 'node:fs/promises';\nexport const x = readFile;",
  },
  {
    rule: 'no Node built-ins in shared/ and renderer/',
    file: 'shared/domain/example.ts',
    wrong: "import { createHash } from 'node:crypto';\nexport const x = createHash;",
    message:
      "no-restricted-imports: 'node:crypto' import is restricted from being used by a pattern. " +
      'The renderer and shared/ are DOM-only: no Node built-ins.',
    allowed: "import { z } from 'zod';\nexport const x = z;",
  },
];

describe('layer boundaries (eslint.config.js, lint/boundaries.js)', () => {
  for (const c of cases) {
    it(`${c.rule}: refuses one wrong import with its own message`, async () => {
      expect(await problems(c.file, c.wrong)).toEqual([c.message]);
    });
    it(`${c.rule}: lets an allowed import pass`, async () => {
      expect(await problems(c.file, c.allowed)).toEqual([]);
    });
  }

  it('lets the sync worker and the store itself use the sync writers', async () => {
    const writer = "import { applyServerChanges } from '../store/sync-writers/server-changes';\nexport const x = 1;";
    expect(await problems('electron/sync/example.ts', writer)).toEqual([]);
    expect(await problems('electron/store/example.ts', writer.replace('../store/', './'))).toEqual([]);
  });

  it('judges an import by where it lands, not how it is spelled', async () => {
    // From renderer/, `../shared/../electron/x` ends in electron/.
    expect(await problems('renderer/main.tsx', "import '../shared/../electron/core/core';")).toHaveLength(1);
    // A dynamic import and `export … from` count like a static import.
    expect(await problems('server/app.ts', "export const x = () => import('../electron/core/core');")).toHaveLength(1);
    expect(
      await problems('shared/api/example.ts', "export { openCore } from '../../electron/core/open-core';"),
    ).toHaveLength(1);
  });
});
