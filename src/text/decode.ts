// Bytes of a fetched page or feed as text. The charset comes from the Content-Type header, else from the
// document itself (<meta charset>, <?xml encoding?>), else UTF-8 when the bytes are valid UTF-8, else
// windows-1252, the web's default for undeclared pages. A declared charset that the bytes contradict
// (UTF-8 bytes under "iso-8859-1", a common server default) loses to valid UTF-8.

/** The byte order mark a text starts with, if any. */
export type Bom = 'utf-8' | 'utf-16le' | 'utf-16be';

export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The encoding a page declares for itself, for pages saved in a legacy charset. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1] ?? null;
}

export function headerCharset(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1] ?? null;
}

function xmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}

export function bodyText(bytes: Uint8Array, contentType: string | undefined): string {
  const bom = detectBom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared =
      decoderFor(headerCharset(contentType)) ??
      decoderFor(declaredCharset(bytes)) ??
      decoderFor(xmlCharset(bytes));
    return (declared ?? new TextDecoder('windows-1252')).decode(bytes);
  }
}
