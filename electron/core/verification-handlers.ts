import { completeVerification } from '../services/verification/complete-verification';
import { getOnlineIdentity } from '../services/verification/get-online-identity';
import { verificationCount, verificationQueue } from '../services/verification/verification-queue';
import type { Handlers } from './handler-types';

/** In-person verification of patients locked out of online confirmation (B6). */
export const verificationHandlers: Handlers<'verification'> = {
  'verification.queue': (ctx, input) => verificationQueue(ctx, input.limit),
  'verification.count': (ctx) => verificationCount(ctx),
  'verification.get': (ctx, input) => getOnlineIdentity(ctx, input.patientId),
  'verification.complete': (ctx, input) => completeVerification(ctx, input),
};
