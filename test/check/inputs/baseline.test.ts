// --baseline-ref: the same paths read at a git ref (a temp repository per test file), and the linear-time
// guarantee on 10,000 topic files.
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readBaselineInputs, readCheckInputs} from '../../../src/check/inputs/index.js'
import {InputError} from '../../../src/lib/errors.js'
import {FIXTURES, tempDir, topic, write} from './helpers.js'

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {cwd, encoding: 'utf8'})
}

describe('readBaselineInputs', () => {
  const repo = tempDir('git')
  git(repo, 'init', '-q', '-b', 'main')
  mkdirSync(path.join(repo, 'topics'))
  copyFileSync(path.join(FIXTURES, 'change-safety/base/orders.yaml'), path.join(repo, 'topics/orders.yaml'))
  write(repo, {'topics/gone.yaml': 'topics:\n  gone.v1:\n    partitions: 3\n    replication: 3\n'})
  git(repo, 'add', '.')
  git(repo, 'commit', '-qm', 'base')
  // The head: orders.yaml changed, gone.yaml deleted, new.yaml added.
  copyFileSync(path.join(FIXTURES, 'change-safety/head/orders.yaml'), path.join(repo, 'topics/orders.yaml'))
  rmSync(path.join(repo, 'topics/gone.yaml'))
  write(repo, {'topics/new.yaml': 'topics:\n  new.v1:\n    partitions: 3\n    replication: 3\n'})

  it('reads the files at the ref: changed values, deleted files included, new files absent', async () => {
    const base = await readBaselineInputs('main', ['topics'], {cwd: repo})
    expect(base.ref).toBe('main')
    expect(base.problems).toEqual([])
    expect(base.files).toEqual(['topics/gone.yaml', 'topics/orders.yaml'])
    expect(base.topics.map((t) => t.name.value).sort()).toEqual(['gone.v1', 'orders.archive.v0', 'orders.cancelled.v1', 'orders.legacy.v0', 'orders.placed.v1'])
    expect(topic(base, 'orders.placed.v1').partitions).toEqual({value: 12, pos: {file: 'topics/orders.yaml', line: 10, column: 3}})
    const head = await readCheckInputs(['topics'], {cwd: repo})
    expect(topic(head, 'orders.placed.v1').partitions?.value).toBe(6)
    expect(head.topics.map((t) => t.name.value)).toContain('new.v1')
  })

  it('named files and globs at the ref; a file absent at the ref contributes nothing', async () => {
    const base = await readBaselineInputs('HEAD', ['topics/new.yaml', 'topics/orders.yaml', 'topics/*.yaml'], {cwd: repo})
    expect(base.files).toEqual(['topics/gone.yaml', 'topics/orders.yaml'])
  })

  it('works from a subdirectory: paths stay relative to cwd', async () => {
    const base = await readBaselineInputs('main', ['.'], {cwd: path.join(repo, 'topics')})
    expect(base.files).toEqual(['gone.yaml', 'orders.yaml'])
  })

  it('an unknown ref, or no git repository, is a usage error with a clear message', async () => {
    await expect(readBaselineInputs('origin/nope', ['topics'], {cwd: repo})).rejects.toThrow(/--baseline-ref: "origin\/nope" does not name a commit/)
    await expect(readBaselineInputs('--upload-pack=x', ['topics'], {cwd: repo})).rejects.toThrow(InputError)
    const plain = tempDir('nogit')
    await expect(readBaselineInputs('main', ['.'], {cwd: plain})).rejects.toThrow(/not inside a git repository/)
  })
})

describe('scale', () => {
  it('10,000 topic files and one 10,000-topic file read in linear time', {timeout: 120_000}, async () => {
    const dir = tempDir('scale')
    const files: Record<string, string> = {}
    for (let i = 0; i < 10_000; i++) {
      files[`topics/t${i}.yaml`] = `apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: topic.${i}\n  labels:\n    strimzi.io/cluster: prod\nspec:\n  partitions: 12\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n    retention.ms: 604800000\n`
    }
    const big = ['x-defaults: &d\n  min.insync.replicas: "2"\ntopics:']
    for (let i = 0; i < 10_000; i++) big.push(`  big.${i}:\n    partitions: 6\n    replication: 3\n    configs:\n      <<: *d\n      retention.ms: "86400000"`)
    files['state.yaml'] = big.join('\n')
    write(dir, files)
    let started = performance.now()
    const many = await readCheckInputs(['topics'], {cwd: dir})
    const manyMs = performance.now() - started
    expect(many.topics).toHaveLength(10_000)
    started = performance.now()
    const one = await readCheckInputs(['state.yaml'], {cwd: dir})
    const oneMs = performance.now() - started
    expect(one.topics).toHaveLength(10_000)
    expect(one.topics[9999]!.settings.map((s) => s.key)).toEqual(['min.insync.replicas', 'retention.ms'])
    console.log(`10,000 files: ${manyMs.toFixed(0)} ms; one file of 10,000 topics: ${oneMs.toFixed(0)} ms`)
    expect(manyMs).toBeLessThan(30_000)
    expect(oneMs).toBeLessThan(10_000)
  })
})
