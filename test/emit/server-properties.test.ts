import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {propertiesEscape, renderServerProperties} from '../../src/emit/server-properties.js'
import {OPTIONS, has, planFor} from './fixture.js'

const JAVA = has('java', ['-version'])
const dir = mkdtempSync(path.join(tmpdir(), 'kafka-sizer-emit-props-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

/** key=value lines of the file (comments and blank lines skipped). */
function properties(content: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of content.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const m = /^([a-z][a-z0-9._-]*)=(.+)$/.exec(line)
    expect(m, line).not.toBeNull()
    out.set(m![1]!, m![2]!)
  }
  return out
}

describe('server.properties', () => {
  it('every setting line parses as key=value, under a comment with its reason', async () => {
    const plan = await planFor()
    const {filename, content} = renderServerProperties(plan, OPTIONS)
    expect(filename).toBe('server.properties')
    const props = properties(content)
    const broker = plan.recommendations.filter((r) => r.scope === 'broker' && r.key !== 'KAFKA_HEAP_OPTS')
    expect([...props.keys()]).toEqual(broker.map((r) => r.key))
    for (const r of broker) expect(props.get(r.key)).toBe(r.value)
    expect(props.get('num.io.threads')).toBe(String(plan.input.hardware.cores))
    const lines = content.split('\n')
    for (const key of props.keys()) {
      const at = lines.indexOf(`${key}=${props.get(key)}`)
      expect(lines[at - 1]!.startsWith('# ')).toBe(true)
    }
  })

  it('the heap (an environment variable) and the OS settings are comments, not properties', async () => {
    const plan = await planFor()
    const {content} = renderServerProperties(plan, OPTIONS)
    const props = properties(content)
    expect(props.has('KAFKA_HEAP_OPTS')).toBe(false)
    expect(props.has('vm.max_map_count')).toBe(false)
    expect(content).toMatch(/^# {3}KAFKA_HEAP_OPTS="-Xms6g -Xmx6g"$/m)
    expect(content).toMatch(/^# {3}vm\.max_map_count = \d+$/m)
  })

  it.skipIf(!JAVA)('java.util.Properties (what Kafka loads it with) reads the same settings', async () => {
    const plan = await planFor()
    const {content} = renderServerProperties(plan, OPTIONS)
    const file = path.join(dir, 'server.properties')
    writeFileSync(file, content)
    const source = path.join(dir, 'LoadProps.java')
    writeFileSync(
      source,
      'public class LoadProps { public static void main(String[] a) throws Exception { var p = new java.util.Properties(); ' +
        'try (var in = new java.io.FileInputStream(a[0])) { p.load(in); } ' +
        'for (var k : new java.util.TreeSet<>(p.stringPropertyNames())) System.out.println(k + "=" + p.getProperty(k)); } }',
    )
    const java = spawnSync('java', [source, file], {encoding: 'utf8', timeout: 60_000})
    expect(java.status, java.stderr).toBe(0)
    const expected = [...properties(content)].map(([k, v]) => `${k}=${v}`).sort()
    expect(java.stdout.trimEnd().split('\n')).toEqual(expected)
  }, 60_000)

  it('propertiesEscape', () => {
    expect(propertiesEscape('a=b:c d', true)).toBe('a\\=b\\:c\\ d')
    expect(propertiesEscape(' x\\y', false)).toBe('\\ x\\\\y')
    expect(propertiesEscape('é', false)).toBe('\\u00e9')
  })
})
