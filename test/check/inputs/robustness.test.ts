// Bad files become InputProblems naming the file (never a throw), and the other files are still read.
// Only a path the user named that does not exist is a usage error.
import {closeSync, mkdirSync, openSync, symlinkSync, writeSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readCheckInputs} from '../../../src/check/inputs/index.js'
import {readInputFile} from '../../../src/check/inputs/read-file.js'
import {InputError} from '../../../src/lib/errors.js'
import {FIXTURES, tempDir, topic, write} from './helpers.js'

const read = (paths: string[], cwd = FIXTURES) => readCheckInputs(paths, {cwd})
const GOOD = 'strimzi/orders-clean.yaml'
const oneLine = (p: {file: string; line: number; column: number; severity: string; message: string}) => `${p.file}:${p.line}:${p.column} ${p.severity}`

describe('bad files', () => {
  it('malformed YAML: an error at the parser’s line:col; the next file is still read', async () => {
    const inputs = await read(['robustness/malformed.yaml', GOOD])
    expect(inputs.problems.map(oneLine)).toEqual(['robustness/malformed.yaml:9:5 error'])
    expect(inputs.problems[0]!.message).toMatch(/^not valid YAML or JSON: /)
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['orders.placed.v1'])
  })

  it('one broken document does not hide the good documents of the same file', async () => {
    const dir = tempDir('multi')
    write(dir, {'t.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: a}\nspec: {partitions: 3}\n---\nkey: [unclosed\n---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: b}\n'})
    const inputs = await read(['t.yaml'], dir)
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['a', 'b'])
    expect(inputs.problems.map(oneLine)).toEqual(['t.yaml:7:1 error'])
  })

  it('a Helm template is named as such, not reported as broken YAML', async () => {
    const inputs = await read(['robustness/helm-template.yaml'])
    expect(inputs.problems.map(oneLine)).toEqual(['robustness/helm-template.yaml:4:9 warning'])
    expect(inputs.problems[0]!.message).toContain('Helm or Go template')
  })

  it('unknown format: a warning when named, an info when found in a directory', async () => {
    expect((await read(['robustness/not-a-topic.yaml'])).problems.map(oneLine)).toEqual(['robustness/not-a-topic.yaml:2:1 warning'])
    const walked = await read(['robustness'])
    expect(walked.problems.find((p) => p.file === 'robustness/not-a-topic.yaml')?.severity).toBe('info')
    expect(walked.problems.find((p) => p.file === 'robustness/not-a-topic.yaml')?.message).toMatch(/^not a topic file/)
  })

  it('binary, empty and comment-only files', async () => {
    const inputs = await read(['robustness/binary.yaml', 'robustness/empty.yaml', 'robustness/only-comments.yaml', GOOD])
    expect(inputs.problems.map((p) => `${oneLine(p)} ${p.message}`)).toEqual([
      'robustness/binary.yaml:1:1 warning a binary file (it has NUL bytes), not a topic file; skipped',
      'robustness/empty.yaml:1:1 warning the file is empty; no topics in it',
    ])
    expect(inputs.topics).toHaveLength(1)
    expect(inputs.files).toEqual(['robustness/binary.yaml', 'robustness/empty.yaml', 'robustness/only-comments.yaml', GOOD])
  })

  it('a file larger than maxFileBytes is refused from its size, fast (50 MB generated)', async () => {
    const dir = tempDir('large')
    const fd = openSync(path.join(dir, 'huge.yaml'), 'w')
    const chunk = Buffer.from(`${'x: 1\n'.repeat(200_000)}`)
    for (let written = 0; written < 50_000_000; written += chunk.length) writeSync(fd, chunk)
    closeSync(fd)
    write(dir, {'ok.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: ok}\n'})
    const started = performance.now()
    const inputs = await readCheckInputs(['huge.yaml', 'ok.yaml'], {cwd: dir})
    expect(performance.now() - started).toBeLessThan(1000)
    expect(inputs.problems.map(oneLine)).toEqual(['huge.yaml:1:1 error'])
    expect(inputs.problems[0]!.message).toMatch(/^the file is 4\d\.\d MiB, larger than the 10 MiB limit/)
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['ok'])
    expect((await readCheckInputs(['ok.yaml'], {cwd: dir, maxFileBytes: 10})).problems[0]!.message).toContain('larger than the 10 bytes limit')
  })

  it('a symlink loop in a directory does not hang, and a file reached twice is read once', async () => {
    const dir = tempDir('loop')
    write(dir, {'topics/a/t.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: looped}\n'})
    symlinkSync(path.join(dir, 'topics'), path.join(dir, 'topics/a/back'))
    symlinkSync(path.join(dir, 'topics/a/self'), path.join(dir, 'topics/a/self'))
    const inputs = await read(['topics'], dir)
    expect(inputs.topics.map((t) => t.name.value)).toEqual(['looped'])
    expect(inputs.files).toEqual(['topics/a/t.yaml'])
  })

  it('the same file named twice (and by a glob) is read once', async () => {
    const inputs = await read([GOOD, `./${GOOD}`, 'strimzi/orders-*.yaml'])
    expect(inputs.topics).toHaveLength(1)
  })

  it('an unreadable path (a directory where a file was expected) is a problem, not a throw', async () => {
    // Tests run as root, so chmod cannot deny reading; EISDIR goes through the same path as EACCES.
    const dir = tempDir('unreadable')
    mkdirSync(path.join(dir, 'x.yaml'))
    const result = await readInputFile(path.join(dir, 'x.yaml'), 'x.yaml', {maxFileBytes: 1000, explicit: true})
    expect(result).toMatchObject({ok: false, problem: {file: 'x.yaml', severity: 'error', message: 'is a directory, not a file'}})
    // A directory named x.yaml given on the command line is walked like any directory.
    expect((await read(['x.yaml'], dir)).problems).toEqual([])
  })
})

describe('usage errors', () => {
  it('a named path that does not exist throws InputError "no such file: <path>"', async () => {
    const error = await read([GOOD, 'topics/missing.yaml']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(/^no such file: topics\/missing.yaml\./)
  })

  it('a glob that matches nothing throws too', async () => {
    await expect(read(['nowhere/**/*.yaml'])).rejects.toThrow(/^no files match: nowhere\/\*\*\/\*\.yaml/)
  })
})

describe('YAML details', () => {
  it('merge keys, anchors, a 64-bit integer kept exact, JSON read with positions', async () => {
    const dir = tempDir('yaml')
    write(dir, {
      'gitops.yaml': 'x-defaults: &defaults\n  min.insync.replicas: "2"\n  retention.ms: "86400000"\ntopics:\n  a.v1:\n    partitions: 3\n    replication: 3\n    configs:\n      <<: *defaults\n      retention.ms: "3600000"\n      flush.messages: 9223372036854775807\n',
      'k.json': JSON.stringify({apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaTopic', metadata: {name: 'j'}, spec: {partitions: 3, config: {'min.insync.replicas': 2}}}, null, 2),
    })
    const inputs = await read(['gitops.yaml', 'k.json'], dir)
    expect(inputs.problems).toEqual([])
    const a = topic(inputs, 'a.v1')
    expect(a.settings.map((s) => `${s.key}=${String(s.value)}@${s.pos.line}`)).toEqual(['min.insync.replicas=2@2', 'retention.ms=3600000@10', 'flush.messages=9223372036854775807@11'])
    const j = topic(inputs, 'j')
    expect(j.settings[0]!.pos).toEqual({file: 'k.json', line: 10, column: 7})
  })
})
