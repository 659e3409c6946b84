import type { ProvenSession } from '../../shared/sync/session-proof';
import type { ServiceContext } from './context';

/** The signed-in person's proven session, which the server asks for before acting in their name. */
export function provenSessionOf(ctx: Pick<ServiceContext, 'session' | 'clock'>): ProvenSession | undefined {
  const state = ctx.session.read(ctx.clock.now());
  return state.state === 'signed-out' ? undefined : state.session.proven?.proven;
}
