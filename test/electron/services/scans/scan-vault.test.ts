import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScanVault } from '../../../../electron/services/scans/scan-vault';
import { rejectsWith } from './rejects-with';
import { jpegPage } from './generated-scans';
import { openScanDesk, type ScanDesk } from './scan-desk';

let desk: ScanDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe('scan vault: encrypted at rest (B4)', () => {
  it('keeps a scan encrypted on disk, named by its SHA-256, and reads it back equal', async () => {
    desk = await openScanDesk();
    const scan = await jpegPage();
    const { sha256, created } = await desk.vault.put(scan);
    expect(created).toBe(true);
    const [file, ...others] = desk.vaultFiles();
    expect(others).toEqual([]);
    expect(file?.endsWith(sha256)).toBe(true);
    const onDisk = readFileSync(file ?? '');
    expect(onDisk.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(onDisk.includes(scan.subarray(200, 232))).toBe(false);
    expect((await desk.vault.get(sha256)).equals(scan)).toBe(true);
  });

  it('refuses a file changed on disk instead of returning altered bytes', async () => {
    desk = await openScanDesk();
    const { sha256 } = await desk.vault.put(await jpegPage());
    const file = desk.vaultFiles()[0] ?? '';
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    await rejectsWith(desk.vault.get(sha256), 'scan.file.damaged');
  });

  it('refuses a scan file copied over another scan’s name', async () => {
    desk = await openScanDesk();
    const a = await desk.vault.put(await jpegPage({ seed: 1 }));
    const b = await desk.vault.put(await jpegPage({ seed: 2 }));
    const [fileA, fileB] = [a.sha256, b.sha256].map((sha) => desk?.vaultFiles().find((f) => f.endsWith(sha)) ?? '');
    writeFileSync(fileB ?? '', readFileSync(fileA ?? ''));
    await rejectsWith(desk.vault.get(b.sha256), 'scan.file.damaged');
  });

  it('cannot be opened with another desk’s key', async () => {
    desk = await openScanDesk();
    const { sha256 } = await desk.vault.put(await jpegPage());
    const stranger = createScanVault({ dir: desk.vault.dir, storeKey: Buffer.alloc(32, 7) });
    await rejectsWith(stranger.get(sha256), 'scan.file.damaged');
  });

  it('keeps one file for the same content put twice, and leaves no temp files', async () => {
    desk = await openScanDesk();
    const scan = await jpegPage();
    await desk.vault.put(scan);
    expect((await desk.vault.put(scan)).created).toBe(false);
    expect(desk.vaultFiles()).toHaveLength(1);
  });

  it('clears temp files a crash left behind, but not a write still in flight', async () => {
    desk = await openScanDesk();
    await desk.vault.put(await jpegPage());
    const old = join(desk.vault.dir, '.0123456789abcdef.tmp');
    const fresh = join(desk.vault.dir, '.fedcba9876543210.tmp');
    writeFileSync(old, 'half a scan');
    writeFileSync(fresh, 'being written');
    utimesSync(old, new Date('2026-11-25T07:00:00Z'), new Date('2026-11-25T07:00:00Z'));
    expect(await desk.vault.removeLeftovers(new Date(Date.now() - 60 * 60 * 1000))).toBe(1);
    expect(desk.vaultFiles()).toHaveLength(2);
    expect(desk.vaultFiles()).toContain(fresh);
  });
});
