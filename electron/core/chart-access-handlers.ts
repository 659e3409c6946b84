import { AppError } from '../../shared/errors/app-error';
import { breakGlass } from '../services/chart/access/break-glass';
import { chartAccessStatus } from '../services/chart/access/chart-access-status';
import { emergencyHours, setEmergencyHours } from '../services/chart/access/emergency-hours';
import { emergencyReviews, reviewEmergency } from '../services/chart/access/emergency-reviews';
import { liftRestriction, restrictRecord } from '../services/chart/access/restrict-entries';
import type { Handlers } from './handler-types';

/** Restricted records and break-the-glass (issue 14). */
export const chartAccessHandlers: Handlers<'chartAccess'> = {
  'chartAccess.status': (ctx, input) => chartAccessStatus(ctx, input.patientId),
  'chartAccess.restrict': (ctx, input) => restrictRecord(ctx, input),
  'chartAccess.lift': (ctx, input) => liftRestriction(ctx, input),
  'chartAccess.breakGlass': async (ctx, input) => {
    try {
      return await breakGlass(ctx, input);
    } catch (error) {
      // As at re-authentication: whoever keeps failing the key is not the person.
      if (error instanceof AppError && error.code === 'auth.locked') ctx.session.signOut();
      throw error;
    }
  },
  'chartAccess.reviews': (ctx, input) => emergencyReviews(ctx, input),
  'chartAccess.review': (ctx, input) => reviewEmergency(ctx, input),
  'chartAccess.settings': (ctx) => ({ emergencyHours: ctx.store.read((tx) => emergencyHours(tx)) }),
  'chartAccess.setEmergencyHours': (ctx, input) => setEmergencyHours(ctx, input.hours),
};
