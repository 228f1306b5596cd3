// Bytes of a fetched page or feed as text. The charset comes from the Content-Type header, else from the
// document itself (<meta charset>, <?xml encoding?>), else UTF-8 when the bytes are valid UTF-8, else
// windows-1252, the web's default for undeclared pages. A declared charset that the bytes contradict
// (UTF-8 bytes under "iso-8859-1", a common server default) loses to valid UTF-8.

import { declaredCharset } from '../ingest/html.js';

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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
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
