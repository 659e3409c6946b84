import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { contract, isCallName, type CallName } from '../../shared/api/contract';
import type { CallSpec } from '../../shared/api/define-call';
import type { ApiEnvelope } from '../../shared/api/facade';
import { can } from '../../shared/auth/permissions';
import { AppError, toApiError, type ApiError } from '../../shared/errors/app-error';
import type { ServiceContext } from './context';
import type { Handler } from './handler-types';
import { handlers } from './handlers';
import { inputError } from '../../shared/errors/zod-issues';
import { recentAuthMs } from '../auth/reauthentication';
import { followAuthority } from './session-context';

export interface DispatchLog {
  /** Failures that are not the user's: logged with the call's name and an incident id only. */
  internal(entry: { incident: string; call: string; error: unknown }): void;
}

export const stderrLog: DispatchLog = {
  internal: ({ incident, call, error }) => {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
    process.stderr.write(`${JSON.stringify({ level: 'error', incident, call, detail })}\n`);
  },
};

/**
 * The single entry for every call from either host: unknown names, missing permissions and
 * malformed input are refused before any service runs; every failure becomes an envelope.
 */
export function createDispatcher(context: () => ServiceContext, log: DispatchLog = stderrLog) {
  return async function dispatch(name: string, input: unknown): Promise<ApiEnvelope<unknown>> {
    if (!isCallName(name)) return fail(new AppError('api.unknown_call', { params: { name: name.slice(0, 100) } }));
    const spec = contract[name];
    try {
      const ctx = currentContext(context, spec);
      const refusal = accessRefusal(ctx, name, spec);
      if (refusal) return fail(refusal);
      if (!spec.passive) ctx.session.touch(ctx.clock.now());
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) return fail(inputError(parsed.error, input));
      const handler = handlers[name] as Handler<CallName>;
      const output = spec.output.parse(await handler(ctx, parsed.data as never));
      return { ok: true, data: output };
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY')
        return fail(new AppError('store.busy'));
      const incident = randomUUID();
      log.internal({ incident, call: name, error });
      return { ok: false, error: { ...toApiError(new AppError('api.internal')), incident } };
    }
  };
}

/**
 * The call's context after the session has followed the person's row (issue 10): a deactivated
 * person is signed out and a non-public call refused; a changed role is the actor's at once.
 */
function currentContext(context: () => ServiceContext, spec: CallSpec): ServiceContext {
  const ctx = context();
  const authority = followAuthority(ctx);
  if (authority === 'signed-out' && spec.permission !== 'public') throw new AppError('auth.deactivated');
  // The actor carries the role the services and the door check: rebuilt from the changed session.
  return authority === 'same' ? ctx : context();
}

/**
 * Who may make the call now (A1, A4): public calls anyone; the rest need a signed-in person
 * whose screen is not locked (the lock screen's own calls excepted), whose role — as their row
 * says it now — allows the call, who proved who they are in the last five minutes where the call
 * changes their factors, and who has finished setting up their account (a password of their
 * own, a key).
 */
function accessRefusal(ctx: ServiceContext, name: CallName, spec: CallSpec): AppError | null {
  if (spec.permission === 'public') return null;
  const state = ctx.session.read(ctx.clock.now());
  if (state.state === 'signed-out') return new AppError('auth.required');
  if (state.state === 'locked' && spec.whileLocked !== 'allowed') return new AppError('auth.session_locked');
  if (!can(ctx.actor.role, spec.permission)) return new AppError('forbidden');
  if (spec.recentAuth && ctx.session.sinceAuthenticated(ctx.clock.now()) > recentAuthMs)
    return new AppError('auth.reauth_required');
  const setupPending = state.session.mustChangePassword || state.session.mustEnrolKey;
  if (setupPending && !accountSetupCalls.has(name.split('.')[0] ?? ''))
    return new AppError('auth.account_setup_required');
  return null;
}

/** What a person who must change their password or enrol a key may still do. */
const accountSetupCalls = new Set(['session', 'auth', 'account', 'keys']);

function fail(error: AppError): { ok: false; error: ApiError } {
  return { ok: false, error: toApiError(error) };
}
