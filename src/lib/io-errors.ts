// Words for file-system errors, so every "cannot read/write FILE" message says why in the same terms.

export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file or directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of the directory'
  if (code === 'ENOSPC') return 'no space left on the device'
  if (code === 'EROFS') return 'read-only file system'
  return (error as Error).message
}
