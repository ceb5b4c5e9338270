/**
 * A file name as the directory holds it (bytes) and as unspin can name it (a string).
 * Node decodes names as UTF-8, putting U+FFFD for bytes that are not: a name like
 * `caf\xe9.txt` (Latin-1) becomes `caf�.txt`, a path that does not exist, so such a file
 * cannot be opened through a string at all. The input walk reads names as bytes and
 * tells those apart; this gives them a name that says which bytes they hold.
 */
export function fileName(raw: Buffer): { name: string; utf8: boolean } {
  const name = raw.toString('utf8');
  if (Buffer.from(name, 'utf8').equals(raw)) return { name, utf8: true };
  return { name: escapeInvalid(raw), utf8: false };
}

/** The name with each byte that is not part of a valid UTF-8 sequence written \xHH. */
function escapeInvalid(raw: Buffer): string {
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const b = raw[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const seq = raw.subarray(i, i + n);
    // A sequence that decodes and encodes back to itself is valid (no overlong form, surrogate, or code point past U+10FFFF).
    const text = seq.toString('utf8');
    if (n > 0 && seq.length === n && Buffer.from(text, 'utf8').equals(seq)) {
      out += text;
      i += n;
    } else {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}
