import { AppError } from '../shared/errors/app-error';
import { inflateAtMost, inflatedSizeAtMost } from './bounded-inflate';

/** Text and colour-profile chunks inflate to at most this: a profile is some KiB, a comment less. */
const maxMetadataBytes = 1024 * 1024;
const channelsOf: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7: each pass's first column and row and its steps. */
const adam7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const damaged = () => new AppError('scan.format.damaged', { params: { format: 'PNG' } });

interface Header {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
}

/**
 * Checks a PNG's compressed parts against what the file declares, before a decoder sees it: the
 * image data (IDAT) may inflate to exactly the rows IHDR describes and no more, each text or
 * profile chunk (zTXt, compressed iTXt, iCCP) to at most 1 MiB. Each inflate stops at its limit.
 */
export async function checkPngData(bytes: Buffer): Promise<void> {
  let header: Header | undefined;
  const imageData: Buffer[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) throw damaged();
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = readHeader(data);
    else if (type === 'IDAT') imageData.push(data);
    else if (type === 'zTXt' || type === 'iCCP') checkCompressedText(data, type);
    else if (type === 'iTXt' && data[data.indexOf(0) + 1] === 1) checkCompressedText(data, type);
    at = end;
    if (type === 'IEND') break;
  }
  if (!header || imageData.length === 0) throw damaged();
  const expected = rawSize(header);
  // Short data is the decoder's to refuse (a damaged file); only more than declared is a bomb.
  await inflatedSizeAtMost(imageData, expected, 'IDAT').catch((error: unknown) => {
    throw error instanceof AppError ? error : damaged();
  });
}

function readHeader(data: Buffer): Header {
  const channels = channelsOf[data[9] ?? -1];
  if (data.length !== 13 || !channels) throw damaged();
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitsPerPixel: data[8]! * channels,
    interlaced: data[12] === 1,
  };
}

/** Inflates a chunk's zlib text (after its name, method and, for iTXt, its tags) up to the limit. */
function checkCompressedText(data: Buffer, type: string): void {
  try {
    inflateAtMost(data.subarray(compressedStart(data, type)), maxMetadataBytes, type);
  } catch (error) {
    throw error instanceof AppError ? error : damaged();
  }
}

function compressedStart(data: Buffer, type: string): number {
  const name = data.indexOf(0);
  if (name < 0) throw damaged();
  // zTXt, iCCP: name \0, method. iTXt: keyword \0, flag, method, language \0, translated keyword \0.
  if (type !== 'iTXt') return name + 2;
  const language = data.indexOf(0, name + 3);
  const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
  if (translated < 0) throw damaged();
  return translated + 1;
}

/** Bytes of the filtered rows: each row one filter byte and its pixels, per Adam7 pass if interlaced. */
function rawSize({ width, height, bitsPerPixel, interlaced }: Header): number {
  const rows = (w: number, h: number) => (w === 0 || h === 0 ? 0 : h * (1 + Math.ceil((w * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  return adam7.reduce(
    (sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)),
    0,
  );
}
