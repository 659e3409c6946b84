import { AppError } from '../shared/errors/app-error';
import { inflateAtMost } from './bounded-inflate';

/** An object stream holds objects' text (dictionaries, numbers): a few KiB, in a scan's PDF. */
const maxObjectStreamBytes = 8 * 1024 * 1024;
const objectStream = /\/Type\s*\/ObjStm/g;

/**
 * pdf-lib inflates every object stream (/Type /ObjStm) while it loads a file, with no limit; this
 * inflates each one first, into at most 8 MiB, so a bomb hidden there is refused before the load.
 * Found in the text of the file: an object stream's dictionary names its type before `stream`.
 */
export function checkObjectStreams(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  for (const match of text.matchAll(objectStream)) {
    const keyword = text.indexOf('stream', match.index);
    const dictionary = text.slice(match.index, keyword);
    if (keyword < 0 || dictionary.includes('endobj')) continue;
    let start = keyword + 'stream'.length;
    if (text[start] === '\r') start += 1;
    if (text[start] === '\n') start += 1;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    const head = text.slice(text.lastIndexOf('obj', match.index), keyword);
    if (!head.includes('/Filter')) continue;
    // Other filters (LZW, ASCII85 …) have no place in a scanner's PDF, and no limit in pdf-lib.
    if (!/\/Filter\s*(?:\/FlateDecode|\[\s*\/FlateDecode\s*\])/.test(head)) {
      throw new AppError('scan.format.damaged', { params: { format: 'PDF' } });
    }
    try {
      inflateAtMost(bytes.subarray(start, end), maxObjectStreamBytes, 'PDF object stream');
    } catch (error) {
      if (error instanceof AppError) throw error;
      // Damaged data is pdf-lib's to refuse; only size is checked here.
    }
  }
}
