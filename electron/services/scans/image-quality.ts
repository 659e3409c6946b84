import sharp, { type Sharp } from 'sharp';

/** Brightness and sharpness are measured on the page brought to this resolution. */
export const analysisDpi = 150;
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

function open(source: ImageSource): Sharp {
  return Buffer.isBuffer(source)
    ? sharp(source, { failOn: 'error' })
    : sharp(source.pixels, { raw: { width: source.width, height: source.height, channels: source.channels } });
}

/**
 * Brightness and sharpness of a page. Downscaling to a fixed resolution makes the sharpness
 * figure mean the same for an ID card and a passport spread, at 300 or 600 dpi.
 */
export async function measureQuality(source: ImageSource, width: number, dpi: number | null): Promise<ImageQuality> {
  const target = dpi && dpi > 0 ? Math.min(width, Math.round((width * analysisDpi) / dpi)) : Math.min(width, fallbackWidth);
  const { data, info } = await open(source)
    .greyscale()
    .resize({ width: Math.max(target, 8), kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = info.channels === 1 ? data : firstChannel(data, info.channels);
  return { brightness: meanBrightness(grey), sharpness: laplacianVariance(grey, info.width, info.height) };
}

function firstChannel(data: Buffer, channels: number): Buffer {
  const out = Buffer.alloc(data.length / channels);
  for (let i = 0; i < out.length; i += 1) out[i] = data[i * channels] ?? 0;
  return out;
}

function meanBrightness(grey: Buffer): number {
  let sum = 0;
  for (let i = 0; i < grey.length; i += 1) sum += grey[i] ?? 0;
  return Math.round((sum / Math.max(grey.length, 1) / 255) * 1000) / 10;
}

/** Variance of the 4-neighbour Laplacian over the inner pixels: low when edges are soft. */
function laplacianVariance(grey: Buffer, width: number, height: number): number {
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y += 1) {
    const row = y * width;
    for (let x = 1; x < width - 1; x += 1) {
      const i = row + x;
      const value =
        (grey[i - 1] ?? 0) + (grey[i + 1] ?? 0) + (grey[i - width] ?? 0) + (grey[i + width] ?? 0) - 4 * (grey[i] ?? 0);
      sum += value;
      sumSquares += value * value;
      n += 1;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.round(sumSquares / n - mean * mean);
}
