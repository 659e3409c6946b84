import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptScan } from '../../../../electron/services/scans/accept-scan';
import { createSaneScanner, parseDeviceList, saneError } from '../../../../electron/services/scans/sane';
import type { ScannerPort } from '../../../../electron/services/scans/scanner-port';
import { rejectsWith } from './rejects-with';
import { openScanDesk } from './scan-desk';

const hasScanimage = spawnSync('scanimage', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScanimage) {
  console.warn('SKIPPED: the SANE scanner tests need scanimage — install it with `apt-get install sane-utils`.');
}

describe('SANE scanner adapter: parsing and errors', () => {
  it('reads the device list scanimage prints', () => {
    expect(
      parseDeviceList(
        'test:0\tNoname\tfrontend-tester\tvirtual device\nepson2:net:10.0.0.5\tEpson\tDS-530\tflatbed scanner\n',
      ),
    ).toEqual([
      { id: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
      { id: 'epson2:net:10.0.0.5', vendor: 'Epson', model: 'DS-530', type: 'flatbed scanner' },
    ]);
  });

  it('tells a busy scanner and a missing one apart from other failures', () => {
    expect(saneError('scanimage: sane_start: Device busy').code).toBe('scanner.busy');
    expect(saneError('scanimage: open of device epson2:x failed: Invalid argument').code).toBe('scanner.none');
    expect(saneError('scanimage: sane_read: Document feeder jammed').params).toEqual({
      detail: 'sane_read: Document feeder jammed',
    });
  });

  it('says how to install scanimage where it is missing', async () => {
    const scanner = createSaneScanner({ programDirs: ['/nonexistent'] });
    const error = await rejectsWith(scanner.listDevices(), 'scanner.unavailable');
    expect(error.message).toContain('apt-get install sane-utils');
  });

  it('refuses options that belong to scanimage rather than to the scanner', async () => {
    const scanner = createSaneScanner({ programDirs: ['/nonexistent'] });
    await rejectsWith(
      scanner.scanPage({ deviceId: 'test:0', deviceOptions: { 'output-file': '/tmp/x' } }),
      'scanner.failed',
    );
  });
});

describe('scanimage runs by its system path with a clean environment', () => {
  let dir = '';
  const savedPath = process.env.PATH;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'medcard-scanimage-'));
    // A stand-in scanimage: writes the environment it was given beside itself (shell builtins
    // only), then lists one device as the real one would.
    const standIn = join(dir, 'scanimage');
    writeFileSync(
      standIn,
      '#!/bin/sh\nexport -p > "$0.env"\nprintf "test:0\\tNoname\\tstand-in\\tvirtual device\\n"\n',
    );
    chmodSync(standIn, 0o755);
  });
  afterAll(() => {
    process.env.PATH = savedPath;
    delete process.env.MEDCARD_DB_KEY;
    rmSync(dir, { recursive: true, force: true });
  });

  it('scanimage does not see MEDCARD_DB_KEY: only SANE’s variables, a fixed PATH and the C locale', async () => {
    process.env.MEDCARD_DB_KEY = 'a'.repeat(64);
    process.env.SANE_CONFIG_DIR = '/etc/sane.d.test';
    try {
      const scanner = createSaneScanner({ programDirs: [dir] });
      expect(await scanner.listDevices()).toEqual([
        { id: 'test:0', vendor: 'Noname', model: 'stand-in', type: 'virtual device' },
      ]);
    } finally {
      delete process.env.SANE_CONFIG_DIR;
    }
    const seen = readFileSync(join(dir, 'scanimage.env'), 'utf8');
    expect(seen).not.toContain('MEDCARD_');
    expect(seen).not.toContain('a'.repeat(64));
    expect(seen).toContain('SANE_CONFIG_DIR');
    expect(seen).toMatch(/LC_ALL=.?C/);
    expect(seen).toMatch(/PATH=.?\/usr\/bin:\/bin/);
  });

  it('a scanimage planted early in PATH is never run', async () => {
    rmSync(join(dir, 'scanimage.env'), { force: true });
    process.env.PATH = `${dir}:${savedPath ?? ''}`;
    // The system's own folders: the real scanimage if installed, else none — never the planted one.
    await createSaneScanner()
      .listDevices()
      .catch(() => undefined);
    expect(existsSync(join(dir, 'scanimage.env'))).toBe(false);
  });
});

describe.skipIf(!hasScanimage)('SANE test backend, end to end (needs scanimage: apt-get install sane-utils)', () => {
  let configDir = '';
  let scanner: ScannerPort;
  beforeAll(() => {
    // Our own SANE configuration with only the virtual test scanner: /etc/sane.d is left alone.
    configDir = mkdtempSync(join(tmpdir(), 'medcard-sane-'));
    writeFileSync(join(configDir, 'dll.conf'), 'test\n');
    scanner = createSaneScanner({ env: { ...process.env, SANE_CONFIG_DIR: configDir } });
  });
  afterAll(() => rmSync(configDir, { recursive: true, force: true }));

  it('lists the test scanners', async () => {
    expect((await scanner.listDevices()).map((device) => device.id)).toEqual(['test:0', 'test:1']);
  });

  it('scans a page at 300 dpi with progress, passes the checks and is kept in the card', async () => {
    const progress: number[] = [];
    const png = await scanner.scanPage({
      deviceId: 'test:0',
      deviceOptions: { 'test-picture': 'Grid' },
      onProgress: (p) => progress.push(p),
    });
    expect(progress.at(-1)).toBe(100);
    const desk = await openScanDesk();
    try {
      const result = await acceptScan(desk.scanCtx, desk.ports, { patientId: desk.patientId, bytes: png });
      expect(result.checklist.checks.map((check) => [check.rule, check.status])).toEqual([
        ['format', 'passed'],
        ['size', 'passed'],
        ['resolution', 'passed'],
        ['brightness', 'passed'],
        ['sharpness', 'passed'],
      ]);
      expect(result.accepted && result.scan).toMatchObject({ mime: 'image/png', dpi: 300 });
      expect(desk.scanRows()).toBe(1);
    } finally {
      await desk.cleanup();
    }
  });

  it('says the scanner is not there for an unknown device', async () => {
    await rejectsWith(scanner.scanPage({ deviceId: 'test:9' }), 'scanner.none');
  });

  it('says the scanner is busy when it answers so', async () => {
    await rejectsWith(
      scanner.scanPage({ deviceId: 'test:0', deviceOptions: { 'read-return-value': 'SANE_STATUS_DEVICE_BUSY' } }),
      'scanner.busy',
    );
  });

  it('stops a scan that takes longer than its time limit', async () => {
    const slow = {
      'read-limit': 'yes',
      'read-limit-size': '1000',
      'read-delay': 'yes',
      'read-delay-duration': '200000',
    };
    // The slow page would take minutes: the time-out's own error is the proof that it was cut.
    const error = await rejectsWith(
      scanner.scanPage({ deviceId: 'test:0', deviceOptions: slow, timeoutMs: 700 }),
      'scanner.timeout',
    );
    expect(error.params).toEqual({ seconds: 1 });
  });
});
