import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { ApiEnvelope } from '../../shared/api/facade';
import { useApi } from '../api/api-context';
import { useSession } from '../app/session';
import { askKey, makeKey, type KeyOutcome, type KeyProblem } from './security-key';

export interface SecurityKey {
  askKey(options: PublicKeyCredentialRequestOptionsJSON): Promise<KeyOutcome<AuthenticationResponseJSON>>;
  makeKey(options: PublicKeyCredentialCreationOptionsJSON): Promise<KeyOutcome<RegistrationResponseJSON>>;
}

function outcome<T>(result: ApiEnvelope<T>): KeyOutcome<T> {
  if (result.ok) return { ok: true, answer: result.data };
  const problems: Record<string, KeyProblem> = { 'auth.key.taken': 'taken', 'auth.key.no_device': 'unsupported' };
  return { ok: false, problem: problems[result.error.code] ?? 'cancelled' };
}

/**
 * The security key as this desk reaches it: the page's WebAuthn, or — where the app's own scheme
 * has none (Electron on Linux and macOS) — the main process, told by `session.whoami`.
 */
export function useSecurityKey(): SecurityKey {
  const api = useApi();
  const session = useSession();
  if (session.status !== 'ok' || session.data.keyAccess !== 'main-process') return { askKey, makeKey };
  return {
    askKey: async (options) => outcome(await api.keys.touch({ options })),
    makeKey: async (options) => outcome(await api.keys.register({ options })),
  };
}
