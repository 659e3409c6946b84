import type { OnlineIdentityStatus } from '../../../shared/domain/online-identity';

/** The state chip's colour: green where the patient can get online, red while locked. */
export const statusColor: Record<OnlineIdentityStatus, 'default' | 'success' | 'warning' | 'error'> = {
  none: 'default',
  confirmed_online: 'success',
  locked: 'error',
  verified_in_person: 'success',
};
