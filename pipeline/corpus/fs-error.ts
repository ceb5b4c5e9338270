/**
 * A file-system error in a few words ("permission denied", "no such file or directory"),
 * for messages that name the path themselves: `cannot read input a.txt: permission denied`.
 * Node's message repeats the code, the system call and the path ("EACCES: permission
 * denied, open '/abs/a.txt'"); EPERM, the same refusal to a user, reads as EACCES does.
 * An error that is not a system call's keeps its message.
 */
export function describeFsError(err: unknown): string {
  const { code, syscall, message } = err as NodeJS.ErrnoException;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === undefined || !message.startsWith(`${code}: `)) return message;
  const words = message.slice(code.length + 2);
  const cut = syscall === undefined ? -1 : words.lastIndexOf(`, ${syscall}`);
  return cut > 0 ? words.slice(0, cut) : words;
}
