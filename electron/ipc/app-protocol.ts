import { contentSecurityPolicy } from '../browser-host/content-policy';
import { readRendererFile } from '../browser-host/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

const headers = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * The app:// protocol handler: the built renderer's files on app://desk, with the same CSP and
 * the same file rules (no path out of the folder, known types only) as the browser host.
 */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response(null, { status: 400, headers });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response(null, { status: 404, headers });

  const file = await readRendererFile(rendererDir, url.pathname);
  if (!file) return new Response(null, { status: 404, headers });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: { ...headers, 'content-type': file.type },
  });
}
