import type { Readable } from 'node:stream';

export type Line = { ok: true; text: string } | { ok: false; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Lines of a byte stream, each decoded as strict UTF-8 (readline would quietly turn
 * bad bytes into U+FFFD). A line that is not valid UTF-8 is reported, not altered.
 * Memory holds one line at a time.
 */
export async function* utf8Lines(input: Readable): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  const decode = (buf: Buffer): Line => {
    let end = buf.length;
    if (end > 0 && buf[end - 1] === 0x0d) end--; // CRLF
    try {
      return { ok: true, text: decoder.decode(buf.subarray(0, end)) };
    } catch {
      return { ok: false, error: 'invalid UTF-8' };
    }
  };
  for await (const chunk of input) {
    let buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let nl = buf.indexOf(0x0a);
    while (nl >= 0) {
      pending.push(buf.subarray(0, nl));
      yield decode(Buffer.concat(pending));
      pending = [];
      buf = buf.subarray(nl + 1);
      nl = buf.indexOf(0x0a);
    }
    if (buf.length) pending.push(buf);
  }
  if (pending.length) yield decode(Buffer.concat(pending));
}
