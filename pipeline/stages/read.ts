import { makeEdit, type Edit } from '../edits.js';

/** Why a document could not be read as text. */
export type ReadProblem = 'binary' | 'invalid-utf8';

export type ReadResult =
  | { ok: true; text: string; edits: Edit[] }
  | { ok: false; problem: ReadProblem; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a document's bytes as UTF-8. A byte-order mark is kept in the text and
 * removed by an edit, so the report shows it; NUL bytes mean the file is binary.
 */
export function readText(bytes: Uint8Array): ReadResult {
  // A UTF-16 byte-order mark: text, but not in the encoding unspin reads.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, problem: 'invalid-utf8', message: `UTF-16 text (${bytes[0] === 0xff ? 'little' : 'big'}-endian byte-order mark); re-encode the file as UTF-8` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, problem: 'binary', message: `binary data (NUL byte at offset ${nul}); not a text file` };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, problem: 'invalid-utf8', message: `invalid UTF-8 at byte ${at}; re-encode the file as UTF-8` };
  }
  return { ok: true, text, edits: bomEdits(text) };
}

/** The edit removing a leading byte-order mark, if any. */
export function bomEdits(text: string): Edit[] {
  if (text.charCodeAt(0) !== 0xfeff) return [];
  return [
    makeEdit(text, 0, 1, '', {
      stage: 'read',
      reason: 'bom',
      confidence: 1,
      evidence: 'a UTF-8 byte-order mark at the start of the file carries no text',
    }),
  ];
}

/** Byte offset of the first malformed UTF-8 sequence (for the error message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}
