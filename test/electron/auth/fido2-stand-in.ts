import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SoftwareAuthenticator } from '../../support/software-authenticator';

/**
 * A security key behind libfido2's command-line tools, for a machine with no key: three small
 * executables (`fido2-token`, `fido2-cred`, `fido2-assert`, one Node script) that read and
 * print exactly what fido2-token(1), fido2-cred(1) and fido2-assert(1) document, and keep the
 * key's state in a JSON file. Key material comes from SoftwareAuthenticator (its credentials:
 * authenticator data, id, private key); the script signs with node:crypto what a key signs —
 * packed self-attestation over authData ‖ clientDataHash, assertions over the same — with the
 * client data hash it was given. The real fido2-cred -V / fido2-assert -V accept its output
 * (see the tests), so the port is driven by what libfido2 prints.
 */
export interface StandInCredential {
  rpId: string;
  /** base64 */
  credentialId: string;
  /** base64, PKCS#8 DER */
  privateKey: string;
  counter: number;
  /** base64, raw authenticator data of the registration (pending credentials only). */
  authData?: string;
}

export interface StandInState {
  devices: string[];
  /**
   * normal; hang: wait for a touch that never comes; garbage: exit 0 with nonsense;
   * noisy: fail with chatter on stderr
   */
  behaviour: 'normal' | 'hang' | 'garbage' | 'noisy';
  /** Credentials the next fido2-cred -M runs will "make", in order. */
  pending: StandInCredential[];
  credentials: StandInCredential[];
  calls: { tool: string; args: string[]; input: string[] }[];
  pid?: number;
}

const script = String.raw`
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const statePath = STATE_PATH;
const tool = basename(process.argv[1]);
const args = process.argv.slice(2);
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const save = () => writeFileSync(statePath, JSON.stringify(state));
const fail = (message) => { process.stderr.write(tool + ': ' + message + '\n'); process.exit(1); };
const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const isB64 = (line) => line.length > 0 && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(line);
const sha256 = (data) => createHash('sha256').update(data).digest();
// libfido2 prints authenticator data as a CBOR byte string; these are 24..255 bytes long.
const cborBytes = (raw) => Buffer.concat([Buffer.from([0x58, raw.length]), raw]);
const keyOf = (credential) => createPrivateKey({ key: Buffer.from(credential.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
const print = (lines) => process.stdout.write(lines.map((line) => line + '\n').join(''));

// getopt: flags first, then operands; -i -o -t -c take a value.
const operands = [];
const flags = [];
for (let i = 0; i < args.length; i++) {
  if (['-i', '-o', '-t', '-c'].includes(args[i])) flags.push(args[i] + '=' + args[++i]);
  else if (args[i].startsWith('-')) flags.push(args[i]);
  else operands.push(args[i]);
}

if (tool === 'fido2-token') {
  if (!flags.includes('-L')) fail('usage');
  for (const device of state.devices) print([device + ': vendor=0x1050, product=0x0407 (Yubico YubiKey OTP+FIDO+CCID)']);
  process.exit(0);
}

const input = readFileSync(0, 'utf8').split('\n');
if (input.at(-1) === '') input.pop();
state.calls.push({ tool, args, input });
save();
const device = operands[0];
if (!state.devices.includes(device)) fail('fido_dev_open ' + device + ': FIDO_ERR_INTERNAL');

if (state.behaviour === 'hang') {
  state.pid = process.pid;
  save();
  setInterval(() => undefined, 1000);
} else if (state.behaviour === 'garbage') {
  print(['this is', 'not what', 'the manual says']);
  process.exit(0);
} else if (state.behaviour === 'noisy') {
  process.stderr.write('debug: PIN retries 8, secret 0123456789abcdef\n');
  fail((tool === 'fido2-cred' ? 'fido_dev_make_cred' : 'fido_dev_get_assert') + ': FIDO_ERR_OPERATION_DENIED');
} else if (tool === 'fido2-cred' && flags.includes('-M')) {
  const [cdh, rpId, userName, userId] = input;
  if (input.length !== 4 || !isB64(cdh) || !rpId || !userName || !isB64(userId)) fail('input error');
  const index = state.pending.findIndex((credential) => credential.rpId === rpId);
  if (index < 0) fail('fido_dev_make_cred: FIDO_ERR_INTERNAL');
  const [credential] = state.pending.splice(index, 1);
  const authData = Buffer.from(credential.authData, 'base64');
  const signature = sign('sha256', Buffer.concat([authData, Buffer.from(cdh, 'base64')]), keyOf(credential));
  delete credential.authData;
  state.credentials.push(credential);
  save();
  print([cdh, rpId, 'packed', b64(cborBytes(authData)), credential.credentialId, b64(signature)]);
} else if (tool === 'fido2-assert' && flags.includes('-G')) {
  const [cdh, rpId, credentialId] = input;
  if (input.length !== 3 || !isB64(cdh) || !rpId || !isB64(credentialId)) fail('input error');
  const credential = state.credentials.find((held) => held.rpId === rpId && held.credentialId === credentialId);
  if (!credential) fail('fido_dev_get_assert: FIDO_ERR_NO_CREDENTIALS');
  const userPresent = flags.includes('-p') || flags.includes('-t=up=true');
  credential.counter += 1;
  save();
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(credential.counter);
  const authData = Buffer.concat([sha256(Buffer.from(rpId, 'utf8')), Buffer.from([userPresent ? 0x01 : 0x00]), counter]);
  const signature = sign('sha256', Buffer.concat([authData, Buffer.from(cdh, 'base64')]), keyOf(credential));
  print([cdh, rpId, b64(cborBytes(authData)), b64(signature)]);
} else {
  fail('usage');
}
`;

export interface StandIn {
  dir: string;
  tools: { cred: string; assert: string; token: string };
  /** The device path the stand-in answers on. */
  device: string;
  state(): StandInState;
  update(change: (state: StandInState) => void): void;
  /** A credential the next registration on the stand-in will return, made by a software key. */
  prepareCredential(rpId: string): Promise<StandInCredential>;
  cleanup(): Promise<void>;
}

export async function openStandIn(): Promise<StandIn> {
  const dir = await mkdtemp(join(tmpdir(), 'fido2-stand-in-'));
  const statePath = join(dir, 'key.json');
  const device = '/dev/hidraw3';
  const initial: StandInState = { devices: [device], behaviour: 'normal', pending: [], credentials: [], calls: [] };
  writeFileSync(statePath, JSON.stringify(initial));
  const source = `#!${process.execPath}\n${script.replace('STATE_PATH', JSON.stringify(statePath))}`;
  const tools = { cred: join(dir, 'fido2-cred'), assert: join(dir, 'fido2-assert'), token: join(dir, 'fido2-token') };
  for (const path of Object.values(tools)) {
    await writeFile(path, source);
    await chmod(path, 0o755);
  }
  const state = (): StandInState => JSON.parse(readFileSync(statePath, 'utf8')) as StandInState;
  const update = (change: (current: StandInState) => void) => {
    const current = state();
    change(current);
    writeFileSync(statePath, JSON.stringify(current));
  };
  return {
    dir,
    tools,
    device,
    state,
    update,
    async prepareCredential(rpId) {
      const soft = new SoftwareAuthenticator({ origin: `https://${rpId}` });
      const made = await soft.create({
        challenge: 'AAAA',
        rp: { id: rpId, name: 'stand-in' },
        user: { id: 'AAAA', name: 'stand-in', displayName: 'stand-in' },
        pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
      });
      const exported = soft.exportCredential(made.id);
      if (!exported || !made.response.authenticatorData) throw new Error('The software key made no credential');
      const credential: StandInCredential = {
        rpId,
        credentialId: exported.credentialId,
        privateKey: exported.privateKey,
        counter: exported.signCount,
        authData: Buffer.from(made.response.authenticatorData, 'base64url').toString('base64'),
      };
      update((current) => void current.pending.push(credential));
      return credential;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
