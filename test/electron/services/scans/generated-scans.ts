import sharp, { type Sharp } from 'sharp';
import { PDFDocument } from 'pdf-lib';

/**
 * Scans made on the fly for the tests and the benchmark (no binary fixtures in the repository):
 * a document-like page — light paper, a photo box, lines of glyph-like dark marks — that can be
 * blurred, darkened, sized and given any resolution.
 */
export interface PageOptions {
  /** Physical size; an ID card by default. */
  widthMm?: number;
  heightMm?: number;
  /** The resolution the page is drawn at and written into the file. */
  dpi?: number;
  /** Gaussian blur σ in pixels (a scan out of focus). */
  blur?: number;
  /** Multiplies every pixel (0.2: badly under-exposed). */
  exposure?: number;
  /** Paper grain amplitude, 0–255 (makes JPEGs as large as real scans). */
  grain?: number;
  seed?: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

function pageSvg(width: number, height: number, dpi: number, seed: number): string {
  const mm = dpi / 25.4;
  const next = random(seed);
  const marks: string[] = [];
  const left = Math.round(width * 0.36);
  for (let y = Math.round(6 * mm); y < height - 6 * mm; y += Math.round(4.5 * mm)) {
    let x = left;
    while (x < width - 5 * mm) {
      const w = Math.round((0.8 + next() * 1.6) * mm);
      marks.push(`<rect x="${x}" y="${y}" width="${w}" height="${Math.round(2.4 * mm)}" fill="#1a1a2e"/>`);
      x += w + Math.round((next() < 0.2 ? 2.5 : 0.5) * mm);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#c9a27e"/><stop offset="1" stop-color="#5a4636"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="#eef0ea"/>
    <rect x="${Math.round(5 * mm)}" y="${Math.round(6 * mm)}" width="${Math.round(width * 0.26)}" height="${Math.round(height * 0.7)}" fill="url(#g)"/>
    ${marks.join('')}
  </svg>`;
}

/** The page as raw RGB pixels, with the requested blur, exposure and grain applied. */
async function pagePixels(options: PageOptions): Promise<{ image: Sharp; dpi: number }> {
  const dpi = options.dpi ?? 300;
  const width = Math.round(((options.widthMm ?? 85.6) / 25.4) * dpi);
  const height = Math.round(((options.heightMm ?? 54) / 25.4) * dpi);
  let image = sharp(Buffer.from(pageSvg(width, height, dpi, options.seed ?? 7))).removeAlpha();
  if (options.grain) {
    const next = random((options.seed ?? 7) + 1);
    const noise = Buffer.alloc(width * height * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = Math.round(128 + (next() - 0.5) * 2 * options.grain);
    const base = await image.raw().toBuffer();
    for (let i = 0; i < base.length; i += 1)
      base[i] = Math.max(0, Math.min(255, (base[i] ?? 0) + (noise[i] ?? 128) - 128));
    image = sharp(base, { raw: { width, height, channels: 3 } });
  }
  if (options.blur) image = sharp(await image.blur(options.blur).png().toBuffer());
  if (options.exposure !== undefined) image = image.linear(options.exposure, 0);
  return { image, dpi };
}

export async function jpegPage(options: PageOptions & { quality?: number } = {}): Promise<Buffer> {
  const { image, dpi } = await pagePixels(options);
  return image
    .withMetadata({ density: dpi })
    .jpeg({ quality: options.quality ?? 90 })
    .toBuffer();
}

export async function pngPage(options: PageOptions = {}): Promise<Buffer> {
  const { image, dpi } = await pagePixels(options);
  return image.withMetadata({ density: dpi }).png().toBuffer();
}

/** A PDF with one JPEG page per entry, each page sized so that its image has that entry's dpi. */
export async function pdfOfPages(pages: ReadonlyArray<PageOptions & { embed?: 'jpeg' | 'png' }>): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const options of pages) {
    const dpi = options.dpi ?? 300;
    const bytes = options.embed === 'png' ? await pngPage(options) : await jpegPage(options);
    const image = options.embed === 'png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
    const page = pdf.addPage([(image.width / dpi) * 72, (image.height / dpi) * 72]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return Buffer.from(await pdf.save());
}

/** A PDF page with text only, no scanned image on it. */
export async function pdfWithoutImage(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Not a scan', { x: 50, y: 780 });
  return Buffer.from(await pdf.save());
}

/** A Windows program's first bytes (MZ header and DOS stub), whatever the file is called. */
export function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(4096);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  return bytes;
}
