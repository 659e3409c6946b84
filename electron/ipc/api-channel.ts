import type { CallName } from '../../shared/api/contract';

/** The IPC channel of one contract call, shared by the preload and the main process. */
export function apiChannel(name: CallName): string {
  return `api:${name}`;
}
