import { AppError } from '../../shared/errors/app-error';
import { HardwareKeyError, type HardwareKeyPort } from '../auth/hardware-key-port';
import type { ServiceContext } from './context';
import type { Handlers } from './handler-types';

/**
 * The main process asks the key only for a challenge it issued and has not seen answered, so a
 * page cannot use it to sign anything else; the port itself keeps to the desk's RP id.
 */
function portFor(ctx: ServiceContext, challenge: string): HardwareKeyPort {
  if (ctx.keys.where === 'page') throw new AppError('auth.key.page_only');
  const now = ctx.clock.now().toISOString();
  const open = ctx.store.transaction((tx) =>
    tx.get('SELECT 1 FROM auth_challenges WHERE challenge = ? AND used_at IS NULL AND expires_at > ?', [
      challenge,
      now,
    ]),
  );
  if (!open) throw new AppError('auth.challenge.expired');
  return ctx.keys.port;
}

async function asked<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (!(error instanceof HardwareKeyError)) throw error;
    if (error.reason === 'InvalidStateError') throw new AppError('auth.key.taken');
    throw new AppError(error.reason === 'NotSupportedError' ? 'auth.key.no_device' : 'auth.key.not_touched');
  }
}

/** The key asked from the main process (Electron on Linux and macOS). */
export const keyHandlers: Handlers<'keys'> = {
  'keys.touch': (ctx, input) => asked(() => portFor(ctx, input.options.challenge).get(input.options)),
  'keys.register': (ctx, input) => asked(() => portFor(ctx, input.options.challenge).create(input.options)),
};
