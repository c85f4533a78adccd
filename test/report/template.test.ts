// --template: a user's Liquid template renders the data model; its errors name the template, line and
// column and exit 2; HTML output escapes by default, Markdown does not.
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import Report from '../../src/commands/report.js'
import {run} from '../helpers/run-command.js'
import {presetFile, tempDir} from './fixtures.js'

const dir = tempDir('tpl')
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))
const write = (name: string, text: string) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}
const FILE = ['--file', presetFile('whatsapp')]

describe('report --template', () => {
  it('renders the data model with the documented filters', async () => {
    const tpl = write('ok.md.liquid', '{{ report.summary.brokers }} brokers\n{% for t in report.topics %}{{ t.name }}: {{ t.storageBytes | bytes }}{% endfor %}\n')
    const ran = await run(Report, [...FILE, '--template', tpl])
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toMatch(/^\d+ brokers\nmessages\.created: [\d.]+ [kMGTP]?B\n$/)
  })

  it('an unknown field is an error with the template, line and column: exit 2', async () => {
    const tpl = write('unknown.md.liquid', '# Report\n\nBrokers: {{ report.summary.brokerz }}\n')
    const ran = await run(Report, [...FILE, '--template', tpl])
    expect(ran.exitCode).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toContain(`Error: ${tpl}:3:13: undefined variable: report.summary.brokerz. Expected only fields of the report data model`)
    expect(ran.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a syntax error names its line: exit 2', async () => {
    const tpl = write('syntax.md.liquid', 'line one\nline two\n{% for t in %}\n{% endfor %}\n')
    const ran = await run(Report, [...FILE, '--template', tpl])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toMatch(new RegExp(`${tpl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:\\d+: .*Expected a valid Liquid template`))
  })

  it('an unknown filter and an unclosed tag are errors with their lines', async () => {
    const filter = write('filter.md.liquid', '\n{{ report.title | shout }}\n')
    const ranFilter = await run(Report, [...FILE, '--template', filter])
    expect(ranFilter.exitCode).toBe(2)
    expect(ranFilter.stderr).toContain(`${filter}:2:1: undefined filter: shout`)
    const unclosed = write('unclosed.md.liquid', 'a\n\n{% if report.cost %}\nb\n')
    const ranUnclosed = await run(Report, [...FILE, '--template', unclosed])
    expect(ranUnclosed.exitCode).toBe(2)
    expect(ranUnclosed.stderr).toContain(`${unclosed}:3:1: tag {% if report.cost %} not closed`)
  })

  it('a missing template file: exit 2 with the path', async () => {
    const ran = await run(Report, [...FILE, '--template', path.join(dir, 'nope.liquid')])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toContain('--template:')
    expect(ran.stderr).toContain('nope.liquid: no such file or directory')
  })

  it('HTML escapes every output by default; Markdown does not HTML-escape', async () => {
    const tpl = write('esc.liquid', '<h1>{{ report.title }}</h1>')
    const html = await run(Report, [...FILE, '--template', tpl, '--format', 'html', '--title', '<script>alert("x")</script> & co'])
    expect(html.exitCode).toBe(0)
    expect(html.stdout.trim()).toBe('<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</h1>')
    const md = await run(Report, [...FILE, '--template', tpl, '--format', 'md', '--title', 'A & B'])
    expect(md.stdout.trim()).toBe('<h1>A & B</h1>')
  })

  it('partials are found beside the template, then among the built-in ones', async () => {
    write('_brokers.liquid', 'B={{ report.summary.brokers }}')
    const tpl = write('main.liquid', "{% render '_brokers', report: report %}|{% render 'report/style.css.liquid' %}")
    const ran = await run(Report, [...FILE, '--template', tpl, '--format', 'html'])
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toMatch(/^B=\d+\|:root \{/)
  })
})
