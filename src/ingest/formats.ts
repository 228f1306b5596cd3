// What a file name says about its content. `.gz` is a wrapper around any of the formats, not a format.

export type FileFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl';

export interface FileKind {
  /** null when the extension is not one ingest knows. */
  format: FileFormat | null;
  gz: boolean;
}

const BY_EXTENSION: Record<string, FileFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

export function kindOf(fileName: string): FileKind {
  let name = fileName.toLowerCase();
  const gz = name.endsWith('.gz');
  if (gz) name = name.slice(0, -3);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  return { format: BY_EXTENSION[ext] ?? null, gz };
}

/** Whole-file formats are read into memory (under a size limit); record formats are streamed. */
export function isStreamed(format: FileFormat): boolean {
  return format === 'json' || format === 'jsonl';
}
