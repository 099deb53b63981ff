/** Saves a file core produced (base64) through the browser's own download, under core's name. */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once click() returns; revoke on the next tick to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
