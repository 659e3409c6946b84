import type { ApplicationStatus } from '../../../shared/domain/application';

/** The chip colour of each status: new and waiting stand out, closed ones are quiet. */
export const statusColor: Record<ApplicationStatus, 'primary' | 'info' | 'success' | 'error' | 'default'> = {
  submitted: 'primary',
  in_review: 'info',
  approved: 'success',
  denied: 'error',
  activated: 'default',
};
