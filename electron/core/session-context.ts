import { sessionActor, type AuthContext } from '../auth/auth-context';
import type { Actor } from '../store/actor';
import type { SessionState } from './session-keeper';

/** The actor of a call: the person whose session it is (locked or not), else the desk itself. */
export function actorOf(state: SessionState, auth: AuthContext): Actor {
  return state.state === 'signed-out' ? auth.desk : sessionActor(state.session, auth.desk);
}
