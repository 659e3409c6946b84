import { AppError } from '../../shared/errors/app-error';
import { reauthenticateWithKey, reauthenticateWithPassword } from '../auth/reauthentication';
import { beginUnlock } from '../auth/unlock';
import type { ServiceContext } from './context';
import type { HandlersOf } from './handler-types';
import type { authCalls } from '../../shared/api/auth-calls';

type ReauthCalls = Pick<typeof authCalls, 'auth.beginReauthentication' | 'auth.reauthenticate'>;

function activePerson(ctx: ServiceContext): void {
  if (ctx.session.read(ctx.clock.now()).state !== 'active') throw new AppError('auth.required');
}

/**
 * Proving again who is at the desk (issue 10): the password, or a touch of the person's own key,
 * refreshes the session's "last authenticated" for the `recentAuth` calls. An account that locks
 * on a wrong password here ends the session: whoever is typing is not the person.
 */
export const reauthHandlers: HandlersOf<ReauthCalls> = {
  'auth.beginReauthentication': (ctx) => {
    activePerson(ctx);
    return beginUnlock(ctx.auth, { staffId: ctx.actor.staffId });
  },
  'auth.reauthenticate': async (ctx, input) => {
    activePerson(ctx);
    try {
      if (input.method === 'password') await reauthenticateWithPassword(ctx.auth, ctx.actor, input.password);
      else await reauthenticateWithKey(ctx.auth, ctx.actor, { attemptId: input.attemptId, answer: input.answer });
    } catch (error) {
      if (error instanceof AppError && error.code === 'auth.locked') ctx.session.signOut();
      throw error;
    }
    const now = ctx.clock.now();
    ctx.session.reauthenticated(now);
    return { reauthenticatedAt: now.toISOString() };
  },
};
