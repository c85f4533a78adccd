// The same inputs at a git ref (`check --baseline-ref origin/main`), for the change-safety rules (KT5xx).
// `git ls-tree` lists the ref's files once; tinyglobby walks that list through an `fs` adapter, so
// directories and globs select the same files as in the working tree; `git cat-file --batch` then reads
// every selected blob in one process (one `git show` per file would be 10,000 processes for 10,000 topics).
// Only execFile/spawn with argument arrays: no shell.
import {execFile, spawn} from 'node:child_process'
import type {Dirent, Stats} from 'node:fs'
import nodePath from 'node:path'
import {promisify} from 'node:util'
import type {FileSystemAdapter} from 'tinyglobby'
import {InputError} from '../../lib/errors.js'
import type {FileTree} from './discover.js'

const run = promisify(execFile)
const MAX_BUFFER = 1024 * 1024 * 1024

async function git(args: string[], cwd: string): Promise<string> {
  const {stdout} = await run('git', args, {cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8'})
  return stdout
}

interface Blob {
  sha: string
  size: number
}

export interface GitTree extends FileTree {
  /** The commit the ref names. */
  commit: string
  blob(abs: string): Blob | undefined
  /** The contents of these blobs, read in one `git cat-file --batch`. */
  readBlobs(shas: string[]): Promise<Map<string, Buffer>>
}

export async function gitTree(ref: string, cwd: string): Promise<GitTree> {
  const where = '--baseline-ref'
  if (ref.trim() === '' || ref.startsWith('-')) throw new InputError(where, `"${ref}" is not a git ref`, 'a branch, tag or commit such as origin/main')
  let root: string
  try {
    root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim()
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new InputError(where, missing ? 'git is not installed (or not on PATH)' : `${cwd} is not inside a git repository`, 'to run in a git work tree, with the base branch fetched')
  }
  let commit: string
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd)).trim()
  } catch {
    throw new InputError(where, `"${ref}" does not name a commit in this repository`, 'a branch, tag or commit that exists locally; in CI fetch it first, e.g. `git fetch origin main` and then --baseline-ref origin/main')
  }

  // "<mode> <type> <sha> <size>\t<path>\0" for every file of the commit.
  const listing = await git(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], root)
  const blobs = new Map<string, Blob>()
  const dirs = new Map<string, Map<string, 'file' | 'dir'>>([[root, new Map()]])
  for (const line of listing.split('\0')) {
    const tab = line.indexOf('\t')
    if (tab < 0) continue
    const [mode, type, sha, size] = line.slice(0, tab).split(/ +/)
    // Regular files only: symlinks (120000) and submodules (commit) are not followed at a ref.
    if (type !== 'blob' || mode === '120000' || sha === undefined) continue
    const abs = nodePath.join(root, line.slice(tab + 1))
    blobs.set(abs, {sha, size: Number(size)})
    addToDirs(dirs, abs, 'file')
  }

  const tree: GitTree = {
    commit,
    onMissing: 'skip',
    async kind(abs) {
      const p = nodePath.resolve(abs)
      return blobs.has(p) ? 'file' : dirs.has(p) ? 'dir' : undefined
    },
    blob: (abs) => blobs.get(nodePath.resolve(abs)),
    readBlobs: (shas) => catFile(shas, root),
    fs: fsAdapter(dirs),
  }
  return tree
}

function addToDirs(dirs: Map<string, Map<string, 'file' | 'dir'>>, abs: string, kind: 'file' | 'dir'): void {
  const parent = nodePath.dirname(abs)
  let children = dirs.get(parent)
  const isNew = children === undefined
  if (children === undefined) {
    children = new Map()
    dirs.set(parent, children)
  }
  children.set(nodePath.basename(abs), kind)
  if (isNew && parent !== abs) addToDirs(dirs, parent, 'dir')
}

/** Just what fdir (inside tinyglobby) calls, answered from the listing. */
function fsAdapter(dirs: Map<string, Map<string, 'file' | 'dir'>>): FileSystemAdapter {
  const dirents = (path: string): Dirent[] => {
    const children = dirs.get(nodePath.resolve(path))
    if (children === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), {code: 'ENOENT'})
    return [...children].map(([name, kind]) => ({name, isFile: () => kind === 'file', isDirectory: () => kind === 'dir', isSymbolicLink: () => false}) as unknown as Dirent)
  }
  const stats = (path: string): Stats => {
    const isDir = dirs.has(nodePath.resolve(path))
    return {isDirectory: () => isDir, isFile: () => !isDir, isSymbolicLink: () => false} as unknown as Stats
  }
  type Callback<T> = (error: NodeJS.ErrnoException | null, value?: T) => void
  const later = <T>(compute: () => T, callback: Callback<T>) => {
    let value: T
    try {
      value = compute()
    } catch (error) {
      process.nextTick(() => callback(error as NodeJS.ErrnoException))
      return
    }
    process.nextTick(() => callback(null, value))
  }
  const adapter = {
    readdir: (path: string, _options: unknown, callback: Callback<Dirent[]>) => later(() => dirents(path), callback),
    readdirSync: (path: string) => dirents(path),
    realpath: (path: string, callback: Callback<string>) => later(() => nodePath.resolve(path), callback),
    realpathSync: (path: string) => nodePath.resolve(path),
    stat: (path: string, callback: Callback<Stats>) => later(() => stats(path), callback),
    statSync: (path: string) => stats(path),
  }
  return adapter as unknown as FileSystemAdapter
}

/** Blob contents by sha from one `git cat-file --batch` process (stdin: shas; stdout: header + bytes each). */
function catFile(shas: string[], cwd: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {cwd, stdio: ['pipe', 'pipe', 'pipe']})
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed (${code}): ${stderr.trim()}`))
      const out = Buffer.concat(chunks)
      const blobs = new Map<string, Buffer>()
      let at = 0
      while (at < out.length) {
        const eol = out.indexOf(10, at)
        if (eol < 0) break
        const [sha, type, size] = out.subarray(at, eol).toString('utf8').split(' ')
        at = eol + 1
        if (type === 'missing' || size === undefined) continue
        const n = Number(size)
        blobs.set(sha!, out.subarray(at, at + n))
        at += n + 1 // the contents are followed by a newline
      }
      resolve(blobs)
    })
    child.stdin.on('error', () => {}) // reported through 'close' when git exits early
    child.stdin.end(shas.map((s) => `${s}\n`).join(''))
  })
}
