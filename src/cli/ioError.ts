/** A readable reason for a failed read. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    // mkdir of a path that is a file (`--out` of the status page or `new`): Node's own text named the syscall.
    case 'EEXIST':
      return 'exists and is not a directory';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link that points to itself?)';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
