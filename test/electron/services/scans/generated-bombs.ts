import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import {
  PDFDocument,
  PDFNumber,
  PDFRawStream,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';

/**
 * The decompression bombs of the issue-10 review, made on the fly (no binary fixtures): small
 * files whose compressed parts expand to hundreds of MiB. The zlib data for N bytes of zeros is
 * one deflate block for 1 MiB, flushed to a byte boundary and repeated — so making a 768 MiB
 * bomb costs the test 1 MiB, not 768.
 */
const mebibyte = 1024 * 1024;

/** zlib data (RFC 1950) that inflates to `size` zero bytes; `size` a multiple of 1 MiB. */
export function zerosZlib(size: number): Buffer {
  if (size % mebibyte !== 0) throw new Error('a whole number of MiB');
  const block = deflateRawSync(Buffer.alloc(mebibyte), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  // Adler-32 of zeros: A stays 1, B adds A for every byte.
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((size % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(size / mebibyte).fill(block), last, adler]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function ihdr(width: number, height: number, colourType: 0 | 2): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8;
  data[9] = colourType;
  return chunk('IHDR', data);
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(parts: Buffer[]): Buffer {
  return Buffer.concat([signature, ...parts, chunk('IEND', Buffer.alloc(0))]);
}

/** The review's PNG: 16000 × 16000 RGB, all black, ~750 KiB — 768 MiB of rows. */
export function reviewPngBomb(): Buffer {
  const side = 16000;
  const rows = side * (1 + side * 3);
  const whole = Math.ceil(rows / mebibyte) * mebibyte;
  return png([ihdr(side, side, 2), chunk('IDAT', zerosZlib(whole))]);
}

/** A 100 × 100 grey PNG whose IDAT inflates to 1 GiB: far beyond the 10,100 bytes its IHDR declares. */
export function idatBomb(): Buffer {
  return png([ihdr(100, 100, 0), chunk('IDAT', zerosZlib(1024 * mebibyte))]);
}

/** A small, valid 100 × 100 grey PNG with a zTXt comment that inflates to 256 MiB. */
export function zTxtBomb(): Buffer {
  const rows = deflateSync(Buffer.alloc(100 * 101, 0));
  const text = Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), zerosZlib(256 * mebibyte)]);
  return png([ihdr(100, 100, 0), chunk('zTXt', text), chunk('IDAT', rows)]);
}

/**
 * The review's PDF: 4 pages that all show one 16384 × 16384 grey Flate image (256 MiB of
 * pixels in ~256 KiB), each page sized so the image prints at 300 dpi.
 */
export async function reviewPdfBomb(): Promise<Buffer> {
  return flatePdf({ side: 16384, pages: 4, data: zerosZlib(16384 * 16384) });
}

/** A PDF whose 100 × 100 grey image declares 10,000 bytes of pixels and inflates to 64 MiB. */
export async function flateImageBomb(): Promise<Buffer> {
  return flatePdf({ side: 100, pages: 1, data: zerosZlib(64 * mebibyte) });
}

/** `pages` pages showing one shared square grey Flate image of `side` pixels, at 300 dpi. */
async function flatePdf({ side, pages, data }: { side: number; pages: number; data: Buffer }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const image = pdf.context.register(
    PDFRawStream.of(
      pdf.context.obj({
        Type: 'XObject',
        Subtype: 'Image',
        Width: side,
        Height: side,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
        Length: PDFNumber.of(data.length),
      }),
      data,
    ),
  );
  const points = (side / 300) * 72;
  for (let n = 0; n < pages; n += 1) {
    const page = pdf.addPage([points, points]);
    const name = page.node.newXObject('Scan', image);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(points, 0, 0, points, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return Buffer.from(await pdf.save());
}

/** A one-page PDF whose object stream (pdf-lib inflates those while loading) expands to 512 MiB. */
export async function objectStreamBomb(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  const bomb = zerosZlib(512 * mebibyte);
  const stream = PDFRawStream.of(
    pdf.context.obj({ Type: 'ObjStm', N: 1, First: 4, Filter: 'FlateDecode', Length: bomb.length }),
    bomb,
  );
  pdf.context.register(stream);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
