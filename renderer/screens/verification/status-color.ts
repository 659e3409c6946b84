import type { OnlineIdentityStatus } from '../../../shared/domain/online-identity';

/** How each state is shown: the chip's colour says whether the patient can get online. */
export const statusColor: Record<OnlineIdentityStatus, 'default' | 'success' | 'warning' | 'error'> = {
  none: 'default',
  confirmed_online: 'success',
  locked: 'error',
  verified_in_person: 'success',
};
