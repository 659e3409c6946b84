import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptScanResult, ScanJob } from '../../../../shared/api/scan-calls';
import { createDispatcher } from '../../../../electron/core/dispatcher';
import { createSaneScanner } from '../../../../electron/services/scans/sane';
import { createScanPorts } from '../../../../electron/services/scans/scan-ports';
import { enrolPatient, fixedClock, openTempDesk, type TempDesk } from '../../../support/temp-desk';

const hasScanimage = spawnSync('scanimage', ['--version'], { encoding: 'utf8' }).status === 0;

/** A desk whose scanner is SANE's virtual `test` backend, drawing a grid, slowly enough to show progress. */
describe.skipIf(!hasScanimage)('scanning from a SANE scanner through the contract (B4; needs sane-utils)', () => {
  let configDir = '';
  let desk: TempDesk;
  let dispatch: TempDesk['dispatch'];
  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'medcard-sane-'));
    writeFileSync(join(configDir, 'dll.conf'), 'test\n');
    writeFileSync(
      join(configDir, 'test.conf'),
      'number_of_devices 1\ntest-picture "Grid"\nread-limit true\nread-limit-size 65536\n',
    );
    desk = await openTempDesk();
    const scanner = createSaneScanner({ env: { ...process.env, SANE_CONFIG_DIR: configDir } });
    const ctx = {
      ...desk.ctx,
      scans: createScanPorts({ dbPath: desk.dbPath, storeKey: desk.key, clock: fixedClock, scanner }),
    };
    dispatch = createDispatcher(() => ctx, { internal: () => undefined });
  });
  afterAll(async () => {
    await desk.cleanup();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('lists the scanner, scans at 300 dpi with progress polled by job, and keeps the page after the checks', async () => {
    const patientId = await enrolPatient(desk, {});
    const devices = await dispatch('scans.devices', {});
    expect(devices.ok && devices.data).toEqual({
      items: [{ id: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' }],
    });

    const started = await dispatch('scans.scan', { deviceId: 'test:0' });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const { jobId } = started.data as { jobId: string };
    const seen: ScanJob[] = [];
    for (let i = 0; i < 600; i += 1) {
      const polled = await dispatch('scans.job', { jobId });
      if (!polled.ok) throw new Error(JSON.stringify(polled.error));
      const job = polled.data as ScanJob;
      seen.push(job);
      if (job.state !== 'scanning') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: 'done', percent: 100, error: null });
    expect(seen.some((job) => job.state === 'scanning')).toBe(true);

    const accepted = await dispatch('scans.accept', {
      uploadId: last.uploadId,
      patientId,
      purpose: 'identity_document',
      source: 'scanner',
    });
    const result = accepted.ok ? (accepted.data as AcceptScanResult) : null;
    expect(result?.checklist.checks.map((check) => check.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
    expect(result?.accepted && result.scan).toMatchObject({ mime: 'image/png', dpi: 300 });
  });

  it('says which scanner failed: an unknown device ends its job with scanner.none', async () => {
    const started = await dispatch('scans.scan', { deviceId: 'test:7' });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    let job: ScanJob | undefined;
    for (let i = 0; i < 200 && job?.state !== 'failed'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const polled = await dispatch('scans.job', started.data as { jobId: string });
      job = polled.ok ? (polled.data as ScanJob) : undefined;
    }
    expect(job).toMatchObject({ state: 'failed', uploadId: null, error: { code: 'scanner.none' } });
  });
});
