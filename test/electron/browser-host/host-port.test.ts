import { describe, expect, it } from 'vitest';
import { hostPort } from '../../../electron/browser-host/host-port';
import { AppError } from '../../../shared/errors/app-error';

describe('MEDCARD_PORT', () => {
  it('unset or empty picks a random port (no fixed, well-known port another user can take first)', () => {
    expect(hostPort({})).toBeUndefined();
    expect(hostPort({ MEDCARD_PORT: ' ' })).toBeUndefined();
  });

  it('a port number is used as given', () => {
    expect(hostPort({ MEDCARD_PORT: '4780' })).toBe(4780);
  });

  it.each(['0', '65536', '47.5', '-1', '0x12a', '1e3', 'port'])('%s is refused with host.port_invalid', (value) => {
    const error = (() => {
      try {
        return hostPort({ MEDCARD_PORT: value });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'host.port_invalid', params: { value } });
  });
});
