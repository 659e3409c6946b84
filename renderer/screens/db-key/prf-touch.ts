/**
 * The WebAuthn PRF extension (CTAP2 hmac-secret) as the page asks it: a new credential made for
 * the database key, and the 32-byte output of a bound one over the desk's salt. The output goes to
 * the host, which derives the wrapping key; the page keeps nothing.
 */
export type TouchOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'cancelled' | 'no-prf' };

interface PrfResults {
  prf?: { enabled?: boolean; results?: { first?: ArrayBuffer | ArrayBufferView } };
}

const toBase64url = (bytes: ArrayBuffer | ArrayBufferView): string => {
  const view =
    bytes instanceof ArrayBuffer
      ? new Uint8Array(bytes)
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  for (const byte of view) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64url = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
  return bytes;
};

const random = (length: number) => crypto.getRandomValues(new Uint8Array(new ArrayBuffer(length)));

/** A new credential on the touched key, made with PRF enabled; its id (base64url). */
export async function makePrfCredential(label: string, exclude: string[]): Promise<TouchOutcome<string>> {
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.create({
      publicKey: {
        challenge: random(32),
        rp: { name: 'Medcard Desk' },
        user: { id: random(16), name: label, displayName: label },
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        excludeCredentials: exclude.map((id) => ({ type: 'public-key' as const, id: fromBase64url(id) })),
        authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
        extensions: { prf: {} } as AuthenticationExtensionsClientInputs,
      },
    });
  } catch {
    return { ok: false, reason: 'cancelled' };
  }
  if (!(credential instanceof PublicKeyCredential)) return { ok: false, reason: 'cancelled' };
  const results = credential.getClientExtensionResults() as PrfResults;
  if (results.prf?.enabled === false) return { ok: false, reason: 'no-prf' };
  return { ok: true, value: toBase64url(credential.rawId) };
}

/** The PRF output of whichever of `credentialIds` is touched, over `salt`. */
export async function evaluatePrf(
  credentialIds: string[],
  salt: string,
): Promise<TouchOutcome<{ credentialId: string; prfOutput: string }>> {
  let credential: Credential | null;
  try {
    credential = await navigator.credentials.get({
      publicKey: {
        challenge: random(32),
        allowCredentials: credentialIds.map((id) => ({ type: 'public-key' as const, id: fromBase64url(id) })),
        userVerification: 'required',
        extensions: { prf: { eval: { first: fromBase64url(salt) } } } as AuthenticationExtensionsClientInputs,
      },
    });
  } catch {
    return { ok: false, reason: 'cancelled' };
  }
  if (!(credential instanceof PublicKeyCredential)) return { ok: false, reason: 'cancelled' };
  const first = (credential.getClientExtensionResults() as PrfResults).prf?.results?.first;
  if (!first) return { ok: false, reason: 'no-prf' };
  return { ok: true, value: { credentialId: toBase64url(credential.rawId), prfOutput: toBase64url(first) } };
}
