import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config';
import { expectAppError } from '../../shared/errors/app-error-expect';
import { testPortalToken } from '../../support/portal-client';

describe('the portal token in the server settings (B6)', () => {
  it('is read from MEDCARD_PORTAL_TOKEN, and absent means the portal is shut', () => {
    expect(readConfig({ MEDCARD_PORTAL_TOKEN: testPortalToken }).portalToken).toBe(testPortalToken);
    expect(readConfig({}).portalToken).toBeUndefined();
  });

  it('refuses a token shorter than 32 characters or with spaces, naming the setting and not the value', () => {
    for (const token of ['short-token', `${testPortalToken.slice(0, 20)} ${testPortalToken.slice(20)}`]) {
      const text = expectAppError(() => readConfig({ MEDCARD_PORTAL_TOKEN: token }), 'server.config', {
        name: 'MEDCARD_PORTAL_TOKEN',
      });
      expect(text.en).not.toContain(token);
    }
  });
});
