/**
 * Hands a text file to the browser's (or Electron's) download: the string is written as UTF-8,
 * a leading BOM included, so Excel reads a CSV as Russian text.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the URL by the next turn of the event loop.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
