import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatYkvalAnswer } from './ykval-protocol';
import { verifyOtpRequest, type VerifyDeps, type VerifyQuery } from './verify-otp';

export const verifyPath = '/wsapi/2.0/verify';

/**
 * `GET /wsapi/2.0/verify`: YK-VAL 2.0, so any YK-VAL client (ykclient, yubico-python…) works
 * against it. Authenticated by the client's HMAC, not by the desk signature of /v1: a YK-VAL
 * client must not need our sync protocol. Always 200 text/plain, as YK-VAL answers.
 */
export function registerYubikeyVerifyRoute(app: FastifyInstance, deps: VerifyDeps): void {
  app.get(
    verifyPath,
    {
      // The query holds the OTP and its signature: request logs show the path only.
      logSerializers: {
        req: (request: FastifyRequest) => ({ method: request.method, url: verifyPath, remoteAddress: request.ip }),
      },
    },
    async (request, reply) => {
      const outcome = await verifyOtpRequest(deps, readQuery(request.raw.url ?? request.url));
      const { status } = outcome.answer;
      // The public id only: the rest of an OTP is the secret part.
      const entry = { yubikey: { publicId: outcome.publicId, clientId: outcome.clientId, status } };
      if (outcome.error !== undefined)
        request.log.error({ ...entry, err: outcome.error }, 'yubikey verification failed');
      else if (status === 'OK') request.log.info(entry, 'yubikey verification');
      else request.log.warn(entry, 'yubikey verification refused');
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(formatYkvalAnswer(outcome.answer, outcome.apiKey, deps.now()));
    },
  );
}

/** The query exactly as sent (decoded once), each parameter's first value. */
function readQuery(url: string): VerifyQuery {
  const questionMark = url.indexOf('?');
  const search = new URLSearchParams(questionMark < 0 ? '' : url.slice(questionMark + 1));
  const params: Record<string, string> = {};
  let repeated = false;
  for (const [key, value] of search) {
    if (Object.hasOwn(params, key)) repeated = true;
    else params[key] = value;
  }
  return { params, repeated };
}
