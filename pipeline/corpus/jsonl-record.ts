import { topLevelMembers, type Member } from './json-members.js';

/**
 * A record's line cut around its "text" value (`head` + text + `tail`), or the whole
 * line as `head` when it has no string "text". Output lines are this with the new text
 * and an "unspin" member put in, so every other field keeps its bytes (64-bit ids,
 * number formats, escapes). Lines with a top-level "unspin" member or a repeated key
 * are re-serialized instead (JSON.parse's view of them is what is kept).
 */
export interface RecordSource {
  head: string;
  tail?: string;
  /** The object has no member at all ("{}"). */
  empty: boolean;
}

export function recordSource(line: string, members: Member[] | undefined = topLevelMembers(line)): RecordSource | undefined {
  if (!members) return undefined;
  const keys = new Set(members.map((m) => m.key));
  if (keys.size !== members.length || keys.has('unspin')) return undefined;
  const text = members.find((m) => m.key === 'text');
  if (!text || line[text.valueStart] !== '"') return { head: line, empty: members.length === 0 };
  return { head: line.slice(0, text.valueStart), tail: line.slice(text.valueEnd), empty: false };
}

/**
 * A record's id as text: a string id as it is; any other value as its JSON source text,
 * so 64-bit numbers keep their digits and two object ids stay apart (String() would give
 * 12345678901234567000 and "[object Object]"). Undefined when the record has no id, or a null one.
 */
export function recordId(record: Record<string, unknown>, line: string, members: Member[] | undefined = topLevelMembers(line)): string | undefined {
  const id = record.id;
  // null is no id (pandas writes NaN ids so): every such record would share the id "null".
  if (id === undefined || id === null) return undefined;
  if (typeof id === 'string') return id;
  // With a repeated key, JSON.parse keeps the last value.
  const m = members?.filter((x) => x.key === 'id').pop();
  return m ? line.slice(m.valueStart, m.valueEnd) : JSON.stringify(id);
}

/**
 * The output line of a record (its source, when kept, and its parsed value): its text
 * (when it has one) and the "unspin" member.
 */
export function recordLine(s: RecordSource | undefined, record: Record<string, unknown>, text: unknown, unspin: object): string {
  // A record passed through unprocessed (a reused id) keeps its own text.
  const t = text ?? record.text;
  if (!s || (s.tail !== undefined && typeof t !== 'string')) return JSON.stringify({ ...record, ...(t === undefined ? {} : { text: t }), unspin });
  const withText = s.tail === undefined ? s.head : s.head + JSON.stringify(t) + s.tail;
  const close = withText.lastIndexOf('}');
  return `${withText.slice(0, close)}${s.empty ? '' : ','}"unspin":${JSON.stringify(unspin)}${withText.slice(close)}`;
}
