import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { pageFileTypes } from '../../shared/web/page-policy';

/** Reads a file of the built renderer; a path that leaves the folder or is unknown is null. */
export async function readRendererFile(
  rendererDir: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rendererDir + sep);
  const path = normalize(join(root, relative));
  if (!path.startsWith(root)) return null;
  const type = pageFileTypes[extname(path).toLowerCase()];
  if (!type) return null;
  try {
    return { body: await readFile(path), type };
  } catch {
    return null;
  }
}
