import sharp, { type Sharp } from 'sharp';
import { scanLimits } from '../shared/scans/scan-checklist';

/**
 * Brightness and sharpness are measured on the page brought to this resolution. A third of the
 * 300 dpi a scan must have: libjpeg then decodes a 300 dpi JPEG at half scale (sharp shrinks on
 * load only when the factor is 3 or more), which halves the decoding of a 5 MB file (bench/RESULTS.md).
 */
export const analysisDpi = 100;
/** A page that takes libvips longer than this to decode is not a scan (a progressive-JPEG bomb). */
export const decodeSeconds = 20;
/** Where the file does not say its resolution, the page is analysed at most this wide. */
const fallbackWidth = 1200;

export interface RawImage {
  pixels: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

export type ImageSource = Buffer | RawImage;

export interface ImageQuality {
  /** Mean luminance, % of white, one decimal. */
  brightness: number;
  /** Variance of the Laplacian at `analysisDpi`, whole number. */
  sharpness: number;
}

export interface PageAnalysis {
  quality: ImageQuality;
  /** The page at `analysisDpi`, RGB: the thumbnail is made from it without decoding the file again. */
  preview: RawImage;
}

function open(source: ImageSource): Sharp {
  return Buffer.isBuffer(source)
    ? sharp(source, { failOn: 'error', limitInputPixels: scanLimits.maxPixels })
    : sharp(source.pixels, { raw: { width: source.width, height: source.height, channels: source.channels } });
}

/**
 * Brightness and sharpness of a page, from one decode. Downscaling to a fixed resolution makes
 * the sharpness figure mean the same for an ID card and a passport spread, at 300 or 600 dpi.
 */
export async function analysePage(source: ImageSource, width: number, dpi: number | null): Promise<PageAnalysis> {
  // Rounded down: a factor of 2.99 instead of 3 would decode the whole file at full scale.
  const target =
    dpi && dpi > 0 ? Math.min(width, Math.floor((width * analysisDpi) / dpi)) : Math.min(width, fallbackWidth);
  const { data, info } = await open(source)
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .resize({ width: Math.max(target, 8), kernel: 'linear' })
    // libvips stops itself first, so the worker's harder time budget rarely has to end the thread.
    .timeout({ seconds: decodeSeconds })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = luma(data, info.channels);
  return {
    quality: { brightness: meanBrightness(grey), sharpness: laplacianVariance(grey, info.width, info.height) },
    preview: { pixels: data, width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3 },
  };
}

/** Rec. 601 luma of 8-bit sRGB (or the grey channel as it is). */
function luma(data: Buffer, channels: number): Uint8Array {
  if (channels === 1) return data;
  const out = new Uint8Array(data.length / channels);
  // Hot loop over millions of pixels: indexes are in range by construction.
  for (let i = 0, j = 0; i < out.length; i += 1, j += channels) {
    out[i] = (299 * data[j]! + 587 * data[j + 1]! + 114 * data[j + 2]! + 500) / 1000;
  }
  return out;
}

function meanBrightness(grey: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < grey.length; i += 1) sum += grey[i]!;
  return Math.round((sum / Math.max(grey.length, 1) / 255) * 1000) / 10;
}

/** Variance of the 4-neighbour Laplacian over the inner pixels: low when edges are soft. */
function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y += 1) {
    const row = y * width;
    for (let x = 1; x < width - 1; x += 1) {
      const i = row + x;
      const value = grey[i - 1]! + grey[i + 1]! + grey[i - width]! + grey[i + width]! - 4 * grey[i]!;
      sum += value;
      sumSquares += value * value;
      n += 1;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.round(sumSquares / n - mean * mean);
}
