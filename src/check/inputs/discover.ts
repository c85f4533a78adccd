// The files to read, from what the user gave: files, directories (walked for .yaml/.yml/.json/.tf) and globs
// (quoted, so the shell does not expand them). tinyglobby walks the tree; given an `fs` adapter it walks a
// git tree the same way (./baseline.ts). Symlinks are followed; fdir stops at loops, and a file reached by
// two paths is read once (./index.ts compares device:inode).
import {stat} from 'node:fs/promises'
import nodePath from 'node:path'
import {type FileSystemAdapter, glob, isDynamicPattern} from 'tinyglobby'
import {InputError} from '../../lib/errors.js'

/** Extensions read when walking a directory. */
export const WALKED_EXTENSIONS = ['yaml', 'yml', 'json', 'tf'] as const
const WALK_PATTERN = `**/*.{${WALKED_EXTENSIONS.join(',')}}`
/** Never topic files, and large: dependency and tool folders (dot folders are skipped by default). */
const IGNORE = ['**/node_modules/**', '**/vendor/**']

export interface Discovered {
  abs: string
  /** Relative to cwd, POSIX separators. */
  file: string
  /** Named by the user as a file (not found in a directory or by a glob). */
  explicit: boolean
}

/** Where files are looked up: the working tree, or a git tree at a ref. */
export interface FileTree {
  kind(abs: string): Promise<'file' | 'dir' | undefined>
  fs?: FileSystemAdapter
  /** A path that is not there: a usage error in the working tree, nothing at a baseline ref (a new file). */
  onMissing: 'throw' | 'skip'
}

export const workingTree: FileTree = {
  async kind(abs) {
    try {
      const info = await stat(abs)
      return info.isDirectory() ? 'dir' : 'file'
    } catch {
      return undefined
    }
  },
  onMissing: 'throw',
}

export function relativePath(cwd: string, abs: string): string {
  const rel = nodePath.relative(cwd, abs)
  return (rel === '' ? '.' : rel).split(nodePath.sep).join('/')
}

const HINT = 'a topic file, a directory or a quoted glob such as "topics/**/*.yaml"'

export async function discover(paths: readonly string[], cwd: string, tree: FileTree = workingTree): Promise<Discovered[]> {
  const found = new Map<string, Discovered>()
  const add = (abs: string, explicit: boolean) => {
    const before = found.get(abs)
    if (before === undefined) found.set(abs, {abs, file: relativePath(cwd, abs), explicit})
    else if (explicit) before.explicit = true
  }
  const options = {absolute: true, ignore: IGNORE, dot: false, followSymbolicLinks: true, ...(tree.fs ? {fs: tree.fs} : {})}
  for (const given of paths) {
    const abs = nodePath.resolve(cwd, given)
    // A path that exists is taken literally, even with glob characters in its name ("topics[1].yaml").
    const kind = await tree.kind(abs)
    if (kind === 'file') add(abs, true)
    else if (kind === 'dir') for (const f of await glob([WALK_PATTERN], {...options, cwd: abs})) add(nodePath.resolve(f), false)
    else if (isDynamicPattern(given)) {
      const matches = await glob([given.split(nodePath.sep).join('/')], {...options, cwd})
      if (matches.length === 0 && tree.onMissing === 'throw') throw new InputError('no files match', given, HINT, '"topics/**/*.yaml"')
      for (const f of matches) add(nodePath.resolve(f), false)
    } else if (tree.onMissing === 'throw') throw new InputError('no such file', given, HINT)
  }
  // Shallow paths first, so that of two paths to one file (a symlinked folder) the direct one is kept.
  return [...found.values()].sort((a, b) => depth(a.file) - depth(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

function depth(file: string): number {
  let n = 0
  for (const c of file) if (c === '/') n++
  return n
}
