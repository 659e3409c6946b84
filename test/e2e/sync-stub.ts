import type { Page, Route } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { SyncConflictView, SyncStatus } from '../../shared/api/sync-status';

/**
 * States the browser host cannot reach without a sync server (first sync, offline, conflicts,
 * refusals), answered in the contract's own types for the sync calls only; every other call
 * still goes to the real host. The real server's conflicts are the sync suite's business.
 */
export interface SyncStub {
  status: SyncStatus;
  conflicts: SyncConflictView[];
  /** What the page asked `sync.resolveConflict`, in order. */
  resolutions: { id: string; keep: 'server' | 'device' }[];
  /** `sync.status` requests: how many arrived, and the most that were open at once. */
  statusRequests: { total: number; maxOpen: number };
  /** Delay before each `sync.status` answer (to see that polls never overlap). */
  statusDelayMs: number;
}

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    status: 'online',
    server: 'https://sync.clinic.example:8443',
    lastSyncAt: null,
    error: null,
    progress: null,
    pending: 0,
    refused: [],
    conflicts: 0,
    ...overrides,
  };
}

export function conflict(overrides: Partial<SyncConflictView> = {}): SyncConflictView {
  return {
    id: randomUUID(),
    table: 'patients',
    rowId: randomUUID(),
    field: 'surname',
    patientName: 'Семёнова Анна Петровна',
    serverValue: 'Семёнова',
    serverActor: 'Петрова Ольга Ивановна',
    serverAt: '2026-11-25T10:52:00.000Z',
    deviceValue: 'Соколова',
    deviceActor: 'Кузнецов Андрей',
    deviceName: 'Регистратура, окно 2',
    at: '2026-11-25T10:58:00.000Z',
    ...overrides,
  };
}

const answer = (route: Route, data: unknown) => route.fulfill({ json: { ok: true, data } });

export async function stubSync(
  page: Page,
  initial: { status: SyncStatus; conflicts?: SyncConflictView[] },
): Promise<SyncStub> {
  const stub: SyncStub = {
    status: initial.status,
    conflicts: initial.conflicts ?? [],
    resolutions: [],
    statusRequests: { total: 0, maxOpen: 0 },
    statusDelayMs: 0,
  };
  let open = 0;
  await page.route('**/api/call/sync.status', async (route) => {
    stub.statusRequests.total += 1;
    open += 1;
    stub.statusRequests.maxOpen = Math.max(stub.statusRequests.maxOpen, open);
    await new Promise((resolve) => setTimeout(resolve, stub.statusDelayMs));
    open -= 1;
    await answer(route, { ...stub.status, conflicts: stub.conflicts.length });
  });
  await page.route('**/api/call/sync.conflicts', (route) => answer(route, { items: stub.conflicts }));
  await page.route('**/api/call/sync.resolveConflict', async (route) => {
    const input = route.request().postDataJSON() as { id: string; keep: 'server' | 'device' };
    stub.resolutions.push(input);
    stub.conflicts = stub.conflicts.filter((item) => item.id !== input.id);
    await answer(route, { resolved: true });
  });
  return stub;
}
