import { createHash } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { encodeCbor, type CborValue } from './cbor-encode';
import { describeCoseKey } from './cose-public-key';
import { noCredentials, refusalError, refusalLogLine } from './fido2-tool-errors';
import {
  parseAssertion,
  parseDeviceList,
  parseMadeCredential,
  toolBase64,
  toolInput,
  toolText,
  ToolOutputError,
  type Fido2Device,
} from './fido2-tool-lines';
import { runTool, type ToolRun } from './fido2-tool-run';
import { HardwareKeyError, usbKeyCredential, type HardwareKeyPort } from './hardware-key-port';

export type { Fido2Device } from './fido2-tool-lines';

export interface Fido2ToolsPortOptions {
  /** The origin written into clientDataJSON: the renderer's own, `app://desk` under Electron. */
  origin: string;
  /** The key to use (`/dev/hidraw3`); without it, the first key `fido2-token -L` lists. */
  device?: string;
  /** Paths of the tools; by default found on PATH (Debian: /usr/bin, Homebrew: /opt/homebrew/bin). */
  tools?: { cred: string; assert: string; token: string };
  /** How long the person has to touch the key, per request; 60 s by default. */
  timeoutMs?: number;
  /** Where a failed run is told: one line of tool, exit code and short reason. */
  log?: (line: string) => void;
}

const defaultTools = { cred: 'fido2-cred', assert: 'fido2-assert', token: 'fido2-token' };
const defaultTimeoutMs = 60_000;
const listTimeoutMs = 10_000;
const probeTimeoutMs = 10_000;
const es256 = -7;

const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

/**
 * The native CTAP2 path to a security key, for Electron on Linux and macOS: libfido2's
 * command-line tools, run by the main process. It plays the browser's part as WebAuthn defines
 * it — clientDataJSON with the configured origin, its SHA-256 handed to the key together with the
 * RP id — and answers in the same JSON as `navigator.credentials` does, so the sign-in services
 * cannot tell it from the page's WebAuthn. User presence (a touch) is always asked; a PIN never.
 */
export class Fido2ToolsPort implements HardwareKeyPort {
  private readonly origin: string;
  private readonly originHost: string;
  private readonly device: string | undefined;
  private readonly tools: { cred: string; assert: string; token: string };
  private readonly timeoutMs: number;
  private readonly log: (line: string) => void;

  constructor(options: Fido2ToolsPortOptions) {
    if (!URL.canParse(options.origin)) throw new RangeError('Fido2ToolsPort: origin is not a URL');
    this.origin = options.origin;
    this.originHost = new URL(options.origin).hostname;
    this.device = options.device;
    this.tools = options.tools ?? defaultTools;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    if (!(this.timeoutMs > 0)) throw new RangeError('Fido2ToolsPort: timeoutMs must be positive');
    this.log = options.log ?? ((line) => console.warn(`[fido2] ${line}`));
  }

  /** The keys plugged in, as `fido2-token -L` lists them. */
  async listDevices(): Promise<Fido2Device[]> {
    const run = await this.run('fido2-token -L', this.tools.token, ['-L'], '', listTimeoutMs);
    return this.read('fido2-token -L', () => parseDeviceList(run));
  }

  async create(options: PublicKeyCredentialCreationOptionsJSON): Promise<RegistrationResponseJSON> {
    const rpId = this.rpIdOf(options.rp.id);
    if (!options.pubKeyCredParams.some((param) => param.alg === es256)) {
      throw new HardwareKeyError('NotSupportedError', 'The desk registers ES256 credentials only');
    }
    const selection = options.authenticatorSelection;
    if (
      selection?.userVerification === 'required' ||
      selection?.residentKey === 'required' ||
      selection?.requireResidentKey === true
    ) {
      throw new HardwareKeyError(
        'NotSupportedError',
        'The native key path makes no PIN-verified or discoverable credentials',
      );
    }
    const clientData = this.clientData('webauthn.create', options.challenge);
    const clientDataHash = sha256(clientData);
    const device = await this.deviceToUse();
    const deadline = Date.now() + this.timeoutMs;
    await this.refuseExcluded(options.excludeCredentials ?? [], clientDataHash, rpId, device, deadline);
    const input = toolInput([
      toolBase64(clientDataHash),
      this.text(rpId),
      this.text(options.user.name),
      toolBase64(Buffer.from(options.user.id, 'base64url')),
    ]);
    // -q: never prompt for a PIN (a key that insists fails with FIDO_ERR_PIN_REQUIRED).
    const left = Math.max(deadline - Date.now(), 1);
    const stdout = await this.run('fido2-cred -M', this.tools.cred, ['-M', '-q', device, 'es256'], input, left);
    const made = this.read('fido2-cred -M', () => parseMadeCredential(stdout));
    const parsed = this.read('fido2-cred -M', () => {
      if (!made.clientDataHash.equals(clientDataHash) || made.rpId !== rpId)
        throw new ToolOutputError('fido2-cred', 'another request echoed');
      return this.attested(made.authData, made.credentialId, rpId);
    });
    const attestationObject = encodeCbor(
      new Map<string, CborValue>([
        // What a browser hands over when the relying party asked for attestation 'none'.
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', made.authData],
      ]),
    );
    return usbKeyCredential(made.credentialId.toString('base64url'), {
      clientDataJSON: clientData.toString('base64url'),
      attestationObject: Buffer.from(attestationObject).toString('base64url'),
      authenticatorData: made.authData.toString('base64url'),
      transports: ['usb'],
      publicKeyAlgorithm: parsed.algorithm,
      ...(parsed.spki ? { publicKey: parsed.spki.toString('base64url') } : {}),
    });
  }

  async get(options: PublicKeyCredentialRequestOptionsJSON): Promise<AuthenticationResponseJSON> {
    const rpId = this.rpIdOf(options.rpId);
    if (options.userVerification === 'required') {
      throw new HardwareKeyError(
        'NotSupportedError',
        'The native key path does not verify the user (no PIN); the desk never requires it',
      );
    }
    const allowed = options.allowCredentials ?? [];
    if (allowed.length === 0)
      throw new HardwareKeyError(
        'NotAllowedError',
        'No credential was named: the desk uses no discoverable credentials',
      );
    const clientData = this.clientData('webauthn.get', options.challenge);
    const clientDataHash = sha256(clientData);
    const device = await this.deviceToUse();
    const deadline = Date.now() + this.timeoutMs;

    // fido2-assert -G takes one credential id per run. For an id it does not hold a key answers
    // FIDO_ERR_NO_CREDENTIALS, normally without waiting for a touch; then the next id is tried.
    for (const credential of allowed) {
      const credentialId = Buffer.from(credential.id, 'base64url');
      const input = toolInput([toolBase64(clientDataHash), this.text(rpId), toolBase64(credentialId)]);
      const left = deadline - Date.now();
      if (left <= 0) throw new HardwareKeyError('NotAllowedError', 'The key was not touched in time');
      const run = await runTool(this.tools.assert, ['-G', '-p', device], input, left);
      if (run.outcome === 'failed' && run.reason === noCredentials) continue;
      const stdout = this.settle('fido2-assert -G', run, this.timeoutMs);
      const assertion = this.read('fido2-assert -G', () => {
        const answer = parseAssertion(stdout);
        if (!answer.clientDataHash.equals(clientDataHash) || answer.rpId !== rpId)
          throw new ToolOutputError('fido2-assert', 'another request echoed');
        if (answer.authData.length < 37 || !answer.authData.subarray(0, 32).equals(sha256(rpId))) {
          throw new ToolOutputError('fido2-assert', 'authenticator data of another RP id');
        }
        return answer;
      });
      return usbKeyCredential(credentialId.toString('base64url'), {
        clientDataJSON: clientData.toString('base64url'),
        authenticatorData: assertion.authData.toString('base64url'),
        // ES256 signatures are DER (ASN.1 ECDSA-Sig-Value) from the key, as WebAuthn carries them.
        signature: assertion.signature.toString('base64url'),
      });
    }
    this.log(`fido2-assert -G: none of ${allowed.length} credential(s) on the key`);
    throw new HardwareKeyError('NotAllowedError', 'None of the allowed credentials is on this key');
  }

  /** clientDataJSON exactly as a browser writes it (type, challenge, origin, crossOrigin). */
  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }), 'utf8');
  }

  /** The RP id asked for, if the origin may use it (as a browser checks): its host or a parent. */
  private rpIdOf(requested: string | undefined): string {
    const rpId = requested ?? this.originHost;
    if (rpId !== this.originHost && !this.originHost.endsWith(`.${rpId}`)) {
      throw new HardwareKeyError('NotAllowedError', `The RP id ${rpId} does not belong to ${this.origin}`);
    }
    return rpId;
  }

  /**
   * fido2-cred has no exclude list, and a key registered again makes a second credential under
   * a new id, which the desk could not tell from another key. So, as browsers do for U2F keys,
   * each excluded id is probed silently first (`-t up=false`: no touch, the signature is not
   * used): a key that answers holds it → InvalidStateError. A key that cannot say (refuses
   * up=false, or a probe that does not end) is let through: the desk then sees a new credential.
   */
  private async refuseExcluded(
    excluded: readonly { id: string }[],
    clientDataHash: Buffer,
    rpId: string,
    device: string,
    deadline: number,
  ): Promise<void> {
    for (const credential of excluded) {
      const input = toolInput([
        toolBase64(clientDataHash),
        this.text(rpId),
        toolBase64(Buffer.from(credential.id, 'base64url')),
      ]);
      const run = await runTool(
        this.tools.assert,
        ['-G', '-t', 'up=false', device],
        input,
        Math.max(Math.min(probeTimeoutMs, deadline - Date.now()), 1),
      );
      if (run.outcome === 'ok') throw new HardwareKeyError('InvalidStateError', 'This key is already registered');
      if (run.outcome === 'failed' && run.reason === noCredentials) continue;
      const label = 'fido2-assert -G (probe)';
      this.log(refusalLogLine(label, run));
      // No tools or no key: the registration would fail the same way.
      if (run.outcome === 'missing' || (run.outcome === 'failed' && run.reason.startsWith('open:')))
        throw refusalError(label, run, probeTimeoutMs);
    }
  }

  private async deviceToUse(): Promise<string> {
    if (this.device !== undefined) return this.device;
    const [first] = await this.listDevices();
    if (!first) throw new HardwareKeyError('NotSupportedError', 'No security key is plugged in');
    return first.path;
  }

  /** Checks the attested credential data a registration made, and describes its public key. */
  private attested(authData: Buffer, credentialId: Buffer, rpId: string): { algorithm: number; spki?: Buffer } {
    let parsed: ReturnType<typeof parseAuthenticatorData>;
    try {
      parsed = parseAuthenticatorData(new Uint8Array(authData));
    } catch {
      throw new ToolOutputError('fido2-cred', 'authenticator data that does not parse');
    }
    if (!Buffer.from(parsed.rpIdHash).equals(sha256(rpId)))
      throw new ToolOutputError('fido2-cred', 'authenticator data of another RP id');
    if (!parsed.flags.at || !parsed.credentialID || !parsed.credentialPublicKey)
      throw new ToolOutputError('fido2-cred', 'no attested credential');
    if (!Buffer.from(parsed.credentialID).equals(credentialId))
      throw new ToolOutputError('fido2-cred', 'two different credential ids');
    try {
      return describeCoseKey(parsed.credentialPublicKey);
    } catch {
      throw new ToolOutputError('fido2-cred', 'a public key that does not parse');
    }
  }

  private text(value: string): string {
    try {
      return toolText(value);
    } catch {
      throw new HardwareKeyError(
        'NotSupportedError',
        'A name or RP id the key tools cannot carry (empty, newline or NUL)',
      );
    }
  }

  private async run(label: string, command: string, args: string[], input: string, timeoutMs: number): Promise<string> {
    return this.settle(label, await runTool(command, args, input, timeoutMs), timeoutMs);
  }

  private settle(label: string, run: ToolRun, timeoutMs: number): string {
    if (run.outcome === 'ok') return run.stdout;
    this.log(refusalLogLine(label, run));
    throw refusalError(label, run, timeoutMs);
  }

  private read<T>(label: string, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ToolOutputError)) throw error;
      this.log(`${label}: ${error.what}`);
      throw new HardwareKeyError('NotAllowedError', error.message);
    }
  }
}
