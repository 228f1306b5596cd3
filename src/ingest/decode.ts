// Bytes to text. The rule is strict on purpose: UTF-8 (BOM or not) or UTF-16 with a BOM; anything else is
// refused with a reason the user can act on, because guessing a legacy encoding silently corrupts names
// and quotes, which are exactly what the analysis compares.
import { detectBom } from '../text/decode.js';
import { REASONS, Refusal } from './refusal.js';

/** How many leading bytes are inspected for NUL bytes and magic numbers. */
export const SNIFF_BYTES = 8192;

const MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x50, 0x4b, 0x03, 0x04], // ZIP (also docx, epub, odt)
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip without a .gz name
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0xd0, 0xcf, 0x11, 0xe0], // old MS Office
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (WAV, WEBP, AVI)
];

/** For input without a UTF-16 BOM, where a NUL byte can only mean binary data. */
export function looksBinary(bytes: Uint8Array): boolean {
  for (const magic of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return true;
  }
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decodes a whole input. `fallbackEncoding` is an encoding the container itself declared (an HTML page's
 * `<meta charset>`), used only when the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array, fallbackEncoding?: string | null): string {
  if (bytes.length === 0) throw new Refusal(REASONS.empty);
  const bom = detectBom(bytes);
  let text: string;
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    text = decodeOrRefuse(bom, bytes.subarray(2), REASONS.notUtf16);
  } else {
    if (looksBinary(bytes)) throw new Refusal(REASONS.binary);
    const body = bom === 'utf-8' ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      const legacy = fallbackEncoding ? legacyDecoder(fallbackEncoding) : null;
      if (!legacy) throw new Refusal(REASONS.notUtf8);
      text = legacy.decode(body);
    }
  }
  if (text.trim() === '') throw new Refusal(REASONS.empty);
  return text;
}

function decodeOrRefuse(encoding: string, bytes: Uint8Array, reason: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Refusal(reason);
  }
}

function legacyDecoder(label: string): TextDecoder | null {
  try {
    const decoder = new TextDecoder(label.trim().toLowerCase());
    // A page that claims UTF-8 but is not UTF-8 is broken; decoding it "as declared" would hide that.
    return decoder.encoding === 'utf-8' ? null : decoder;
  } catch {
    return null;
  }
}
