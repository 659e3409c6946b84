/** How far an upload has gone: bytes sent of the total (the total is the file's size). */
export type Progress = (sent: number, total: number) => void;

/**
 * A request whose body's upload is reported as it goes (XMLHttpRequest: fetch has no upload
 * progress). Same origin, so the session cookie goes with it; rejects only when the network fails.
 */
export function sendWithProgress(
  url: string,
  init: { method: string; headers: Record<string, string>; body: Blob | string | undefined },
  onProgress: Progress,
): Promise<{ ok: boolean; status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(init.method, url);
    request.withCredentials = true;
    for (const [name, value] of Object.entries(init.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    request.onload = () =>
      resolve({
        ok: request.status >= 200 && request.status < 300,
        status: request.status,
        text: request.responseText,
      });
    request.onerror = () => reject(new Error('network'));
    request.onabort = () => reject(new Error('aborted'));
    request.send(init.body ?? null);
  });
}
