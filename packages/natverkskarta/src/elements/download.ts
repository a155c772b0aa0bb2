/** Characters that file systems refuse in a name. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

export function safeFileName(name: string, extension: string): string {
  const base = name.replace(UNSAFE, '-').trim().slice(0, 120) || 'natverkskarta';
  return `${base}.${extension}`;
}

/** Hands a file to the browser's download: no network, the bytes never leave the machine. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
