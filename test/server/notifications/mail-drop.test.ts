import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messageIdOf, openSenders } from '../../../server/notifications/senders';
import { renderMessage } from '../../../server/notifications/templates';

const dir = mkdtempSync(join(tmpdir(), 'medcard-mail-drop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a server with neither SMTP nor an SMS gateway', () => {
  const senders = openSenders({ mailFrom: 'noreply@clinic.test', mailDropDir: join(dir, 'drop') });

  it('writes each e-mail as an .eml file only its owner can read, named by the row', async () => {
    const id = '0190f3a4-0000-7000-8000-000000000001';
    const message = renderMessage('sign_in_code', { code: '903117' });
    await senders.email({ id, to: 'anna@example.test', ...message });
    const path = join(dir, 'drop', `${id}.eml`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const eml = readFileSync(path, 'utf8');
    expect(eml).toContain(`Message-ID: ${messageIdOf(id, 'noreply@clinic.test')}`);
    expect(eml).toContain('To: anna@example.test');
  });

  it('writes each SMS as a text file only its owner can read', async () => {
    const id = '0190f3a4-0000-7000-8000-000000000002';
    await senders.sms({ id, to: '+79990001122', text: renderMessage('phone_code', { code: '118822' }).sms });
    const path = join(dir, 'drop', `${id}.sms.txt`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain('Код подтверждения телефона: 118822');
  });
});
