import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import {
  blobStatusSchema,
  pullResponseSchema,
  pushResponseSchema,
  snapshotResponseSchema,
  syncErrorSchema,
  type BlobStatus,
  type Mutation,
} from '../../shared/sync/protocol';
import { auditOverHttp, type SignedJsonRequest } from './audit-transport';
import { healthOverHttp } from './health-transport';
import type { ProvenSession } from '../../shared/sync/session-proof';
import { signedHeaders } from './request-signer';
import { SyncRefusedError, SyncUnreachableError, type SyncTransport } from './sync-transport';

export interface HttpTransportOptions {
  /** The primary server first, then the backup (G3). */
  servers: string[];
  deviceId: string;
  privateKey: KeyObject;
  /** Per request; a hung server must not hang the desk's sync. */
  timeoutMs?: number;
}

/**
 * The sync protocol over HTTPS, every request signed by this device. When the server in use is
 * unreachable the next address is tried at once, and the one that answered is kept.
 */
export function httpTransport(options: HttpTransportOptions): SyncTransport {
  let current = 0;
  const device = { deviceId: options.deviceId, privateKey: options.privateKey };
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function request(
    method: 'GET' | 'POST' | 'PUT' | 'HEAD',
    pathWithQuery: string,
    body?: unknown,
    signal?: AbortSignal,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const raw = Buffer.isBuffer(body);
    const payload = body === undefined ? Buffer.alloc(0) : raw ? body : Buffer.from(JSON.stringify(body));
    let lastError: unknown;
    for (let attempt = 0; attempt < options.servers.length; attempt++) {
      const index = (current + attempt) % options.servers.length;
      const base = options.servers[index] as string;
      try {
        const headers: Record<string, string> = {
          ...extraHeaders,
          ...signedHeaders(device, method, pathWithQuery, payload),
        };
        if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
        const response = await fetch(new URL(pathWithQuery, base), {
          method,
          headers,
          body: body === undefined ? undefined : new Uint8Array(payload),
          signal: signal ?? AbortSignal.timeout(timeoutMs),
        });
        if (response.status >= 500) throw new SyncUnreachableError(`${base} answered ${response.status}`);
        current = index;
        if (!response.ok && !(method === 'HEAD' && response.status === 404)) throw await refusal(response);
        return response;
      } catch (error) {
        if (error instanceof SyncRefusedError || signal?.aborted) throw error;
        lastError = error;
      }
    }
    throw new SyncUnreachableError(
      `No sync server answered: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
    );
  }

  /** A 204 answers no body: its schema is `z.undefined()`. */
  async function json<S extends z.ZodType>(schema: S, response: Response): Promise<z.output<S>> {
    return schema.parse(response.status === 204 ? undefined : await response.json());
  }
  const signedJson: SignedJsonRequest = async (schema, method, path, body) =>
    json(schema, await request(method, path, body));

  return {
    get server() {
      return options.servers[current] as string;
    },
    audit: auditOverHttp(signedJson),
    health: healthOverHttp(signedJson),
    push: async (mutations: Mutation[], sessions: readonly ProvenSession[] = []) =>
      (await json(pushResponseSchema, await request('POST', '/v1/sync/push', { mutations, sessions }))).results,
    pull: async (since, limit) =>
      json(pullResponseSchema, await request('GET', `/v1/sync/pull?since=${since}&limit=${limit}`)),
    snapshot: async (after, upTo, limit) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (after !== null) query.set('after', after);
      if (upTo !== null) query.set('upTo', String(upTo));
      return json(snapshotResponseSchema, await request('GET', `/v1/sync/snapshot?${query.toString()}`));
    },
    blobStatus: async (sha256) => blobStatusOf(sha256, await request('HEAD', `/v1/blobs/${sha256}`)),
    putBlobChunk: async (sha256, offset, bytes, complete) =>
      blobStatusOf(
        sha256,
        await request('PUT', `/v1/blobs/${sha256}?offset=${offset}${complete ? '&complete=1' : ''}`, bytes),
      ),
    getBlob: async (sha256, from, to) => {
      const range: Record<string, string> = from > 0 || to !== undefined ? { range: `bytes=${from}-${to ?? ''}` } : {};
      const response = await request('GET', `/v1/blobs/${sha256}`, undefined, undefined, range);
      return Buffer.from(await response.arrayBuffer());
    },
    subscribe: async (onChange, signal) => {
      const response = await request('GET', '/v1/sync/events', undefined, signal);
      if (!response.body) throw new SyncUnreachableError('The event stream has no body');
      await readServerSentEvents(response.body, signal, (event, data) => {
        if (event !== 'change') return;
        const seq = Number((JSON.parse(data) as { seq?: unknown }).seq);
        if (Number.isFinite(seq)) onChange(seq);
      });
      if (!signal.aborted) throw new SyncUnreachableError('The event stream ended');
    },
  };
}

function blobStatusOf(sha256: string, response: Response): BlobStatus {
  return blobStatusSchema.parse({
    sha256,
    received: Number(response.headers.get('upload-offset') ?? 0),
    complete: response.headers.get('upload-complete') === '1',
  });
}

async function refusal(response: Response): Promise<SyncRefusedError> {
  const parsed = syncErrorSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) return SyncRefusedError.received(response.status, parsed.data);
  return new SyncRefusedError(response.status, 'sync.refused');
}

/** A minimal text/event-stream reader: `event:` and `data:` lines, blank line ends an event. */
async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  const reader = body.getReader();
  const abort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', abort, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read().catch((error: unknown) => {
        if (signal.aborted) return { value: undefined, done: true };
        throw error;
      });
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (data.length > 0) onEvent(event, data.join('\n'));
          event = 'message';
          data = [];
        } else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
    }
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
