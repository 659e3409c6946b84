import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { relyingParty, sessionActor, type AuthContext } from '../../../electron/auth/auth-context';
import { setupFirstAdmin } from '../../../electron/auth/first-admin';
import {
  parseAssertion,
  parseDeviceList,
  parseMadeCredential,
  toolBase64,
  toolInput,
  toolText,
  unwrapAuthData,
  wrapAuthData,
} from '../../../electron/auth/fido2-tool-lines';
import { Fido2ToolsPort } from '../../../electron/auth/fido2-tools-port';
import { HardwareKeyError } from '../../../electron/auth/hardware-key-port';
import { beginKeyEnrolment, finishKeyEnrolment, listKeys } from '../../../electron/auth/key-enrolment';
import { finishSignIn } from '../../../electron/auth/key-step';
import { beginSignIn } from '../../../electron/auth/password-step';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import type { Actor } from '../../../electron/store/actor';
import { newLogin, openAuthDesk, strongPassword, type AuthDesk } from './auth-harness';
import { openStandIn, type StandIn } from './fido2-stand-in';

// The relying party of the desk under Electron (electron/main.ts, electron/ipc/app-origin.ts).
const rpId = 'desk';
const origin = 'app://desk';

const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();
const fromB64url = (value: string): Buffer => Buffer.from(value, 'base64url');

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
}
const realAssert = onPath('fido2-assert');
const realCred = onPath('fido2-cred');
const haveLibfido2 = realAssert !== undefined && realCred !== undefined;
if (!haveLibfido2)
  console.warn('libfido2 checks skipped: fido2-assert / fido2-cred not found (apt-get install fido2-tools)');

let tempDir: string | undefined;
let standIn: StandIn | undefined;
let h: AuthDesk | undefined;
afterEach(async () => {
  await standIn?.cleanup();
  await h?.cleanup();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  [standIn, h, tempDir] = [undefined, undefined, undefined];
});

async function scratch(): Promise<string> {
  tempDir = await mkdtemp(join(tmpdir(), 'fido2-verify-'));
  return tempDir;
}

function tool(
  command: string,
  args: string[],
  input: string,
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(command, args, { input, encoding: 'utf8', timeout: 10_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A software key's credential and one assertion of it, at the desk's RP id and origin. */
async function softwareCredential() {
  const soft = new SoftwareAuthenticator({ origin });
  const registration = await soft.create({
    challenge: Buffer.from('registration challenge').toString('base64url'),
    rp: { id: rpId, name: 'Medcard Desk' },
    user: { id: Buffer.from('person').toString('base64url'), name: 'person', displayName: 'Person' },
    pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
  });
  const assertion = await soft.get({
    challenge: Buffer.from('sign-in challenge').toString('base64url'),
    rpId,
    allowCredentials: [{ id: registration.id, type: 'public-key' }],
  });
  const exported = soft.exportCredential(registration.id);
  if (!exported || !registration.response.publicKey || !registration.response.authenticatorData)
    throw new Error('no credential');
  const privateKey = createPrivateKey({
    key: Buffer.from(exported.privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKeyPem = createPublicKey({
    key: fromB64url(registration.response.publicKey),
    format: 'der',
    type: 'spki',
  })
    .export({ format: 'pem', type: 'spki' })
    .toString();
  return {
    registration,
    assertion,
    privateKey,
    publicKeyPem,
    registrationAuthData: fromB64url(registration.response.authenticatorData),
  };
}

/** The input of `fido2-assert -V`, in the port's own encoding. */
function assertVerifyInput(clientDataJSON: string, authData: Buffer, signature: Buffer, wrap = true): string {
  return toolInput([
    toolBase64(sha256(fromB64url(clientDataJSON))),
    toolText(rpId),
    toolBase64(wrap ? wrapAuthData(authData) : authData),
    toolBase64(signature),
  ]);
}

describe.skipIf(!haveLibfido2)(
  'the port’s encoding against the real libfido2 (fido2-tools, apt-get install fido2-tools)',
  () => {
    it('fido2-assert -V accepts a software key’s assertion written as the port writes it, and refuses a tampered one', async () => {
      const { assertion, publicKeyPem } = await softwareCredential();
      const dir = await scratch();
      const pem = join(dir, 'pubkey.pem');
      await writeFile(pem, publicKeyPem);
      const authData = fromB64url(assertion.response.authenticatorData);
      const signature = fromB64url(assertion.response.signature);

      const accepted = tool(
        realAssert ?? '',
        ['-V', '-p', pem, 'es256'],
        assertVerifyInput(assertion.response.clientDataJSON, authData, signature),
      );
      expect(accepted).toMatchObject({ status: 0, stderr: '' });

      const tampered = Buffer.from(signature);
      tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 0x01;
      expect(
        tool(
          realAssert ?? '',
          ['-V', '-p', pem, 'es256'],
          assertVerifyInput(assertion.response.clientDataJSON, authData, tampered),
        ).status,
      ).toBe(1);
      const otherCounter = Buffer.from(authData);
      otherCounter[36] = (otherCounter[36] ?? 0) + 1;
      expect(
        tool(
          realAssert ?? '',
          ['-V', '-p', pem, 'es256'],
          assertVerifyInput(assertion.response.clientDataJSON, otherCounter, signature),
        ).status,
      ).toBe(1);
    });

    it('libfido2 takes authenticator data CBOR-wrapped, not raw — the convention the port unwraps', async () => {
      const { assertion, publicKeyPem } = await softwareCredential();
      const dir = await scratch();
      const pem = join(dir, 'pubkey.pem');
      await writeFile(pem, publicKeyPem);
      const authData = fromB64url(assertion.response.authenticatorData);
      const raw = tool(
        realAssert ?? '',
        ['-V', '-p', pem, 'es256'],
        assertVerifyInput(assertion.response.clientDataJSON, authData, fromB64url(assertion.response.signature), false),
      );
      expect(raw.status).toBe(1);
      expect(raw.stderr).toContain('FIDO_ERR_INVALID_ARGUMENT');
      expect(unwrapAuthData(wrapAuthData(authData))).toEqual(authData);
    });

    it('fido2-cred -V accepts a registration as packed self-attestation and derives the same public key; fmt none it cannot verify', async () => {
      const { registration, registrationAuthData, privateKey, publicKeyPem } = await softwareCredential();
      const clientDataHash = sha256(fromB64url(registration.response.clientDataJSON));
      const credentialId = fromB64url(registration.id);
      const packedInput = (authData: Buffer, format = 'packed') =>
        toolInput([
          toolBase64(clientDataHash),
          toolText(rpId),
          toolText(format),
          toolBase64(wrapAuthData(authData)),
          toolBase64(credentialId),
          toolBase64(sign('sha256', Buffer.concat([registrationAuthData, clientDataHash]), privateKey)),
        ]);

      const verified = tool(realCred ?? '', ['-V', 'es256'], packedInput(registrationAuthData));
      expect(verified.status).toBe(0);
      const [idLine, ...pemLines] = verified.stdout.split('\n');
      expect(idLine).toBe(toolBase64(credentialId));
      expect(pemLines.join('\n').trim()).toBe(publicKeyPem.trim());

      const tampered = Buffer.from(registrationAuthData);
      tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 0x01; // the public key's last byte
      expect(tool(realCred ?? '', ['-V', 'es256'], packedInput(tampered)).status).toBe(1);
      // The port hands the desk fmt 'none'; libfido2 1.12 has no verifier for it.
      const none = tool(realCred ?? '', ['-V', 'es256'], packedInput(registrationAuthData, 'none'));
      expect(none.status).toBe(1);
      expect(none.stderr).toMatch(/FIDO_ERR_INVALID_ARGUMENT/);
    });

    it('the device stand-in speaks libfido2’s format: fido2-cred -V and fido2-assert -V accept what it prints', async () => {
      standIn = await openStandIn();
      await standIn.prepareCredential(rpId);
      const dir = await scratch();
      const made = tool(
        standIn.tools.cred,
        ['-M', '-q', standIn.device, 'es256'],
        toolInput([toolBase64(sha256('c1')), rpId, 'person', toolBase64(Buffer.from('id'))]),
      );
      expect(made.status).toBe(0);
      const verified = tool(realCred ?? '', ['-V', 'es256'], made.stdout);
      expect(verified.status).toBe(0);
      const [credentialId, ...pem] = verified.stdout.split('\n');
      await writeFile(join(dir, 'pubkey.pem'), pem.join('\n'));

      const asserted = tool(
        standIn.tools.assert,
        ['-G', '-p', standIn.device],
        toolInput([toolBase64(sha256('c2')), rpId, credentialId ?? '']),
      );
      expect(asserted.status).toBe(0);
      expect(tool(realAssert ?? '', ['-V', '-p', join(dir, 'pubkey.pem'), 'es256'], asserted.stdout)).toMatchObject({
        status: 0,
        stderr: '',
      });
    });
  },
);

/** A desk whose relying party is the Electron one, with its first admin and no key yet. */
async function electronDesk(): Promise<{
  auth: AuthContext;
  actor: Actor;
  staffId: string;
  login: string;
  password: string;
}> {
  h = await openAuthDesk();
  const auth: AuthContext = { ...h.auth, rp: relyingParty({ rpId, origin }) };
  const login = newLogin('admin');
  const password = strongPassword();
  const { session } = await setupFirstAdmin(auth, { login, displayName: 'Админ Админов', password });
  return { auth, actor: sessionActor(session, auth.desk), staffId: session.staffId, login, password };
}

async function enrol(
  auth: AuthContext,
  actor: Actor,
  staffId: string,
  key: { create: Fido2ToolsPort['create'] },
  name: string,
) {
  const step = await beginKeyEnrolment(auth, actor, { staffId });
  const answer = await key.create(step.publicKey);
  return { step, answer, summary: await finishKeyEnrolment(auth, actor, { attemptId: step.attemptId, name, answer }) };
}

async function signInWith(auth: AuthContext, login: string, password: string, key: { get: Fido2ToolsPort['get'] }) {
  const step = await beginSignIn(auth, { login, password });
  if (!step.publicKey) throw new Error('No key was asked for');
  return finishSignIn(auth, { attemptId: step.attemptId, answer: await key.get(step.publicKey) });
}

function portOn(stand: StandIn, options: { timeoutMs?: number; device?: string } = {}) {
  const log: string[] = [];
  const port = new Fido2ToolsPort({ origin, tools: stand.tools, log: (line) => log.push(line), ...options });
  return { port, log };
}

async function refusedWith(call: Promise<unknown>): Promise<HardwareKeyError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HardwareKeyError);
  return error as HardwareKeyError;
}

describe('Fido2ToolsPort through a device stand-in, with the desk’s real WebAuthn checks', () => {
  it('enrols a key and signs in with it: @simplewebauthn/server accepts the port’s answers', async () => {
    const desk = await electronDesk();
    standIn = await openStandIn();
    const prepared = await standIn.prepareCredential(rpId);
    const { port, log } = portOn(standIn);

    const { step, answer, summary } = await enrol(desk.auth, desk.actor, desk.staffId, port, 'YubiKey');
    expect(summary).toMatchObject({ kind: 'webauthn', name: 'YubiKey', revokedAt: null });
    expect(answer.id).toBe(Buffer.from(prepared.credentialId, 'base64').toString('base64url'));
    expect(answer.response).toMatchObject({ transports: ['usb'], publicKeyAlgorithm: -7 });
    const publicKey = createPublicKey(
      createPrivateKey({ key: Buffer.from(prepared.privateKey, 'base64'), format: 'der', type: 'pkcs8' }),
    );
    expect(answer.response.publicKey).toBe(publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'));
    // clientDataJSON byte for byte as a browser writes it, and its hash is what the key was given.
    const clientDataJSON = fromB64url(answer.response.clientDataJSON).toString('utf8');
    expect(clientDataJSON).toBe(
      `{"type":"webauthn.create","challenge":"${step.publicKey.challenge}","origin":"app://desk","crossOrigin":false}`,
    );
    const [made] = standIn.state().calls;
    expect(made).toEqual({
      tool: 'fido2-cred',
      args: ['-M', '-q', standIn.device, 'es256'],
      input: [toolBase64(sha256(clientDataJSON)), rpId, desk.login, toolBase64(Buffer.from(desk.staffId))],
    });

    const session = await signInWith(desk.auth, desk.login, desk.password, port);
    expect(session).toMatchObject({ staffId: desk.staffId, factor: 'webauthn' });
    await signInWith(desk.auth, desk.login, desk.password, port);
    const calls = standIn.state().calls;
    expect(calls.slice(1).map((call) => call.args)).toEqual([
      ['-G', '-p', standIn.device],
      ['-G', '-p', standIn.device],
    ]);
    expect(calls[1]?.input.slice(1)).toEqual([rpId, prepared.credentialId]);
    const counter = desk.auth.store.transaction(
      (tx) => tx.get<{ counter: number }>('SELECT counter FROM staff_keys WHERE kind = ?', ['webauthn'])?.counter,
    );
    expect(counter).toBe(2);
    expect(log).toEqual([]);
  });

  it('tries the next allowed credential when the key holds the first one not', async () => {
    const desk = await electronDesk();
    await enrol(desk.auth, desk.actor, desk.staffId, new SoftwareAuthenticator({ origin }), 'Другой ключ');
    standIn = await openStandIn();
    await standIn.prepareCredential(rpId);
    const { port } = portOn(standIn);
    await enrol(desk.auth, desk.actor, desk.staffId, port, 'YubiKey');
    expect(listKeys(desk.auth, desk.actor, { staffId: desk.staffId })).toHaveLength(2);

    expect((await signInWith(desk.auth, desk.login, desk.password, port)).factor).toBe('webauthn');
    expect(
      standIn
        .state()
        .calls.filter((call) => call.tool === 'fido2-assert')
        .map((call) => call.args),
    ).toEqual([
      ['-G', '-t', 'up=false', standIn.device], // the enrolment's probe of the other key's credential
      ['-G', '-p', standIn.device], // the other key's credential: not on this one
      ['-G', '-p', standIn.device],
    ]);
  });

  it('refuses to register a key a second time (InvalidStateError), found by a silent probe without a touch', async () => {
    const desk = await electronDesk();
    standIn = await openStandIn();
    const first = await standIn.prepareCredential(rpId);
    const { port, log } = portOn(standIn);
    await enrol(desk.auth, desk.actor, desk.staffId, port, 'YubiKey');
    await standIn.prepareCredential(rpId);

    const step = await beginKeyEnrolment(desk.auth, desk.actor, { staffId: desk.staffId });
    const error = await refusedWith(port.create(step.publicKey));
    expect(error.reason).toBe('InvalidStateError');
    const probe = standIn.state().calls.at(-1);
    expect(probe).toMatchObject({ tool: 'fido2-assert', args: ['-G', '-t', 'up=false', standIn.device] });
    expect(probe?.input.slice(1)).toEqual([rpId, first.credentialId]);
    expect(standIn.state().calls.filter((call) => call.tool === 'fido2-cred')).toHaveLength(1);
    expect(standIn.state().pending).toHaveLength(1);
    expect(log).toEqual([]);
  });

  it('refuses with NotAllowedError when the key holds none of the allowed credentials (fido2-assert exits 1)', async () => {
    const desk = await electronDesk();
    await enrol(desk.auth, desk.actor, desk.staffId, new SoftwareAuthenticator({ origin }), 'Другой ключ');
    standIn = await openStandIn();
    const { port, log } = portOn(standIn);
    const step = await beginSignIn(desk.auth, { login: desk.login, password: desk.password });
    if (!step.publicKey) throw new Error('No key was asked for');
    const error = await refusedWith(port.get(step.publicKey));
    expect(error.reason).toBe('NotAllowedError');
    expect(log).toEqual(['fido2-assert -G: none of 1 credential(s) on the key']);
  });

  it('stops a key nobody touches after the time-out: NotAllowedError, and the tool is gone', async () => {
    standIn = await openStandIn();
    standIn.update((state) => void (state.behaviour = 'hang'));
    // Long enough for the stand-in's Node to start on a busy machine and say it is waiting.
    const { port, log } = portOn(standIn, { timeoutMs: 5000 });
    // The stand-in never answers: the port's own "timed out, stopped" and the dead process prove
    // that the time-out cut it; the test's time-out is only a hang guard.
    const error = await refusedWith(
      port.get({ challenge: 'AAAA', rpId, allowCredentials: [{ id: 'AAAA', type: 'public-key' }] }),
    );
    expect(error.reason).toBe('NotAllowedError');
    expect(log).toEqual(['fido2-assert -G: timed out, stopped']);
    const { pid } = standIn.state();
    expect(pid).toBeTypeOf('number');
    expect(() => process.kill(pid ?? 0, 0)).toThrow();
  });

  it('says NotSupportedError when no key is plugged in, the named one cannot be opened, or the tools are missing', async () => {
    standIn = await openStandIn();
    standIn.update((state) => void (state.devices = []));
    expect(await portOn(standIn).port.listDevices()).toEqual([]);
    const request = { challenge: 'AAAA', rpId, allowCredentials: [{ id: 'AAAA', type: 'public-key' as const }] };
    expect((await refusedWith(portOn(standIn).port.get(request))).reason).toBe('NotSupportedError');

    const named = portOn(standIn, { device: '/dev/hidraw9' });
    expect((await refusedWith(named.port.get(request))).reason).toBe('NotSupportedError');
    expect(named.log).toEqual(['fido2-assert -G: exit 1 (open:FIDO_ERR_INTERNAL)']);

    const missing = new Fido2ToolsPort({
      origin,
      tools: {
        cred: '/nonexistent/fido2-cred',
        assert: '/nonexistent/fido2-assert',
        token: '/nonexistent/fido2-token',
      },
      log: () => undefined,
    });
    const error = await refusedWith(missing.get(request));
    expect(error).toMatchObject({
      reason: 'NotSupportedError',
      message: expect.stringContaining('apt-get install fido2-tools'),
    });
  });

  it('turns output that is not what the manual says into a clear error, and logs only the exit code and a short reason', async () => {
    standIn = await openStandIn();
    const request = { challenge: 'AAAA', rpId, allowCredentials: [{ id: 'AAAA', type: 'public-key' as const }] };
    standIn.update((state) => void (state.behaviour = 'garbage'));
    const garbled = portOn(standIn);
    const error = await refusedWith(garbled.port.get(request));
    expect(error).toMatchObject({
      reason: 'NotAllowedError',
      message: 'fido2-assert printed something unexpected (3 lines, expected 4)',
    });
    expect(garbled.log).toEqual(['fido2-assert -G: 3 lines, expected 4']);

    standIn.update((state) => void (state.behaviour = 'noisy'));
    const noisy = portOn(standIn);
    expect((await refusedWith(noisy.port.get(request))).reason).toBe('NotAllowedError');
    expect(noisy.log).toEqual(['fido2-assert -G: exit 1 (FIDO_ERR_OPERATION_DENIED)']);
  });

  it('asks no PIN: refuses options that require user verification, and an RP id foreign to its origin, before touching the key', async () => {
    standIn = await openStandIn();
    const { port } = portOn(standIn);
    const request = { challenge: 'AAAA', rpId, allowCredentials: [{ id: 'AAAA', type: 'public-key' as const }] };
    expect((await refusedWith(port.get({ ...request, userVerification: 'required' }))).reason).toBe(
      'NotSupportedError',
    );
    expect((await refusedWith(port.get({ ...request, rpId: 'example.com' }))).reason).toBe('NotAllowedError');
    expect((await refusedWith(port.get({ ...request, allowCredentials: [] }))).reason).toBe('NotAllowedError');
    expect(standIn.state().calls).toEqual([]);
  });
});

describe('libfido2 tool lines', () => {
  it('reads fido2-token -L as devices, and refuses a line it does not know', () => {
    expect(
      parseDeviceList(
        '/dev/hidraw3: vendor=0x1050, product=0x0407 (Yubico YubiKey OTP+FIDO+CCID)\nioreg://4294969292: vendor=0x1050, product=0x0402 (Yubico YubiKey FIDO)\n',
      ),
    ).toEqual([
      { path: '/dev/hidraw3', vendorId: 0x1050, productId: 0x0407, description: 'Yubico YubiKey OTP+FIDO+CCID' },
      { path: 'ioreg://4294969292', vendorId: 0x1050, productId: 0x0402, description: 'Yubico YubiKey FIDO' },
    ]);
    expect(parseDeviceList('')).toEqual([]);
    expect(() => parseDeviceList('/dev/hidraw3 something else\n')).toThrow(/line 1/);
  });

  it('refuses authenticator data that is not exactly one CBOR byte string, and malformed assertion lines', () => {
    const raw = Buffer.alloc(37, 7);
    expect(unwrapAuthData(Buffer.concat([wrapAuthData(raw), Buffer.from([0])]))).toBeUndefined();
    expect(unwrapAuthData(raw)).toBeUndefined();
    expect(unwrapAuthData(Buffer.from([0x59, 0x00]))).toBeUndefined();
    const lines = [toolBase64(sha256('x')), rpId, toolBase64(wrapAuthData(raw)), toolBase64(Buffer.from([0x30, 0x00]))];
    expect(parseAssertion(toolInput(lines)).authData).toEqual(raw);
    expect(() => parseAssertion(toolInput(lines).trimEnd())).toThrow(/newline/);
    expect(() => parseAssertion(toolInput([...lines.slice(0, 2), toolBase64(raw), lines[3] ?? '']))).toThrow(
      /CBOR byte string/,
    );
    expect(() => parseAssertion(toolInput([...lines.slice(0, 3), 'not base64!']))).toThrow(/line 4/);
    expect(() => parseMadeCredential(toolInput(lines))).toThrow(/4 lines/);
    expect(() => toolText('two\nlines')).toThrow(RangeError);
  });
});
