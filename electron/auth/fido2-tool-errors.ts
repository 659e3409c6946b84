import { HardwareKeyError } from './hardware-key-port';
import type { ToolRun } from './fido2-tool-run';

type Refusal = Exclude<ToolRun, { outcome: 'ok' }>;

/** libfido2's answer when the key holds none of the credentials asked for. */
export const noCredentials = 'FIDO_ERR_NO_CREDENTIALS';

/**
 * A failed run of a tool as the WebAuthn DOM exception a browser would raise. Browsers say
 * NotAllowedError for nearly everything (no touch, time-out, denied, unknown credential) so as
 * not to tell a page more than it needs; the desk keeps that, and adds a message for the log and
 * the support desk. No device, or no tools, is NotSupportedError: the host offers the backup
 * factors instead.
 */
export function refusalError(tool: string, run: Refusal, timeoutMs: number): HardwareKeyError {
  switch (run.outcome) {
    case 'missing':
      return new HardwareKeyError(
        'NotSupportedError',
        `libfido2's tools are not installed, ${tool} not found (Debian/Ubuntu: apt-get install fido2-tools; macOS: brew install libfido2)`,
      );
    case 'timeout':
      return new HardwareKeyError(
        'NotAllowedError',
        `The key was not touched within ${Math.round(timeoutMs / 1000)} s`,
      );
    case 'failed':
      return failedRunError(run.reason);
  }
}

function failedRunError(reason: string): HardwareKeyError {
  if (reason.startsWith('open:'))
    return new HardwareKeyError('NotSupportedError', 'The security key could not be opened (unplugged?)');
  switch (reason) {
    case noCredentials:
      return new HardwareKeyError('NotAllowedError', 'None of the allowed credentials is on this key');
    case 'FIDO_ERR_CREDENTIAL_EXCLUDED':
      return new HardwareKeyError('InvalidStateError', 'This key is already registered');
    case 'FIDO_ERR_UNSUPPORTED_ALGORITHM':
    case 'FIDO_ERR_UNSUPPORTED_OPTION':
      return new HardwareKeyError('NotSupportedError', `The key refused the request (${reason})`);
    case 'FIDO_ERR_PIN_REQUIRED':
    case 'FIDO_ERR_UV_BLOCKED':
      return new HardwareKeyError(
        'NotAllowedError',
        `The key asks for its PIN, which the desk does not use (${reason})`,
      );
    case 'FIDO_ERR_ACTION_TIMEOUT':
    case 'FIDO_ERR_USER_ACTION_TIMEOUT':
      return new HardwareKeyError('NotAllowedError', 'The key was not touched in time');
    default:
      return new HardwareKeyError('NotAllowedError', `The key did not answer (${reason})`);
  }
}

/** The one line a failed run leaves in the log: the tool, the exit code, a short reason. */
export function refusalLogLine(tool: string, run: Refusal): string {
  switch (run.outcome) {
    case 'missing':
      return `${tool}: not found`;
    case 'timeout':
      return `${tool}: timed out, stopped`;
    case 'failed':
      return `${tool}: exit ${run.exitCode ?? 'signal'} (${run.reason})`;
  }
}
