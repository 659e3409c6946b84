/**
 * A scanner the desk can drive. SANE (`sane.ts`) on Linux; TWAIN or WIA on Windows can plug in
 * behind the same port later. Failures are AppErrors: scanner.unavailable (no driver software),
 * scanner.none, scanner.busy, scanner.timeout, scanner.failed.
 */
export interface ScannerDevice {
  /** What `scanPage` takes, e.g. `test:0` or `genesys:libusb:001:004`. */
  id: string;
  vendor: string;
  model: string;
  type: string;
}

export interface ScanPageRequest {
  deviceId: string;
  /** 300 unless said otherwise (B4 asks for at least 300). */
  dpi?: number;
  mode?: 'Color' | 'Gray';
  /** The whole scan, from start to the last byte. */
  timeoutMs?: number;
  /** 0–100, as the scanner reports it (not every driver does). */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Driver-specific options by name (`{ 'test-picture': 'Grid' }`); frontend options are refused. */
  deviceOptions?: Readonly<Record<string, string>>;
}

export interface ScannerPort {
  listDevices(): Promise<ScannerDevice[]>;
  /** One page as PNG, with its resolution written into the file. */
  scanPage(request: ScanPageRequest): Promise<Buffer>;
}
