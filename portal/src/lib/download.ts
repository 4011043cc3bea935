/**
 * Hands a file to the browser: a pre-signed URL (`{url}`, answered by the service, short-lived) is
 * opened as a link, bytes fetched with the token (a PDF, a ZIP) are saved under their name.
 */
export function saveFile(file: { blob: Blob; fileName: string | null } | { url: string }, fallbackName: string): void {
  const link = document.createElement('a');
  if ('url' in file) {
    link.href = file.url;
  } else {
    link.href = URL.createObjectURL(file.blob);
    link.download = file.fileName ?? fallbackName;
  }
  document.body.appendChild(link);
  link.click();
  link.remove();
}
