// HTML reports are one self-contained file: parsed with parse5, they hold no reference to anything outside
// (no http(s), protocol-relative or relative src/href, <link>, <script src>, @import or url()), one inline
// <style>, and an SVG per chart with a title and a text alternative.
import fs from 'node:fs'
import path from 'node:path'
import {parse} from 'parse5'
import {afterAll, describe, expect, it} from 'vitest'
import Report from '../../src/commands/report.js'
import type {ReportData} from '../../src/report/types.js'
import {run, runJson} from '../helpers/run-command.js'
import {PRESETS, presetFile, tempDir, writeCalibration} from './fixtures.js'

const dir = tempDir('html')
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

interface Node {
  nodeName: string
  tagName?: string
  attrs?: Array<{name: string; value: string}>
  childNodes?: Node[]
  content?: Node
  value?: string
}

function* walk(node: Node): Generator<Node> {
  yield node
  for (const child of node.childNodes ?? []) yield* walk(child)
  if (node.content) yield* walk(node.content)
}

const textOf = (n: Node): string => [...walk(n)].filter((x) => x.nodeName === '#text').map((x) => x.value ?? '').join('')

/** Every reference a page could fetch or navigate to, with where it was found. */
export function externalReferences(html: string): string[] {
  const found: string[] = []
  if (/https?:\/\//i.test(html)) found.push(`http(s) URL: ${/https?:\/\/\S*/i.exec(html)![0]}`)
  const doc = parse(html) as unknown as Node
  for (const n of walk(doc)) {
    const tag = n.tagName ?? ''
    if (tag === 'link') found.push('<link>')
    if (tag === 'script' && n.attrs?.some((a) => a.name === 'src')) found.push('<script src>')
    if (tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'img' || tag === 'base') found.push(`<${tag}>`)
    for (const a of n.attrs ?? []) {
      const name = a.name.toLowerCase()
      if (['src', 'href', 'xlink:href', 'srcset', 'action', 'poster', 'data'].includes(name) && !a.value.startsWith('#')) found.push(`${tag} ${name}="${a.value}"`)
      if (name === 'style' && /url\(|@import/i.test(a.value)) found.push(`${tag} style="${a.value}"`)
      if (name === 'http-equiv' && a.value.toLowerCase() === 'refresh') found.push('meta refresh')
    }
    if (tag === 'style' && /@import|url\(/i.test(textOf(n))) found.push('url() or @import in <style>')
  }
  return found
}

describe('report --format html', () => {
  it.each(PRESETS)('preset %s: self-contained, one SVG per chart with title and description, the plan numbers', async (preset) => {
    const {json} = await runJson<ReportData>(Report, ['--file', presetFile(preset)])
    const out = path.join(dir, `${preset}.html`)
    const ran = await run(Report, ['--file', presetFile(preset), '--output', out])
    expect(ran.exitCode).toBe(0)
    expect(ran.stderr).toContain('(HTML)')
    const html = fs.readFileSync(out, 'utf8')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(externalReferences(html)).toEqual([])
    const doc = parse(html) as unknown as Node
    const nodes = [...walk(doc)]
    expect(nodes.filter((n) => n.tagName === 'style')).toHaveLength(1)
    expect(nodes.filter((n) => n.tagName === 'script')).toHaveLength(0)
    const style = textOf(nodes.find((n) => n.tagName === 'style')!)
    expect(style).toContain('prefers-color-scheme: dark')
    expect(style).toContain('@media print')
    const svgs = nodes.filter((n) => n.tagName === 'svg')
    expect(svgs).toHaveLength(4)
    for (const svg of svgs) {
      const title = svg.childNodes!.find((c) => c.tagName === 'title')
      const desc = svg.childNodes!.find((c) => c.tagName === 'desc')
      expect(textOf(title!).length).toBeGreaterThan(5)
      expect(textOf(desc!).length).toBeGreaterThan(20)
      expect(svg.attrs!.find((a) => a.name === 'role')?.value).toBe('img')
      // Axis labels with units: every chart has a "(unit)" label.
      expect(textOf(svg)).toMatch(/\((%|[kMGTP]?B|[kMGTP]?B\/s|d|y|KiB|µs)\)/)
    }
    const text = textOf(doc)
    expect(text).toContain(`${json.summary.brokers}`)
    expect(text).toContain(json.summary.text.storage)
    for (const t of json.topics) expect(text).toContain(t.name)
    for (const f of json.failures) expect(text).toContain(f.outcome)
  })

  it('a calibration profile adds its curves as two more charts', async () => {
    const cal = writeCalibration(dir)
    const out = path.join(dir, 'cal.htm')
    const ran = await run(Report, ['--file', presetFile('notifications'), '--calibration', cal, '--output', out])
    expect(ran.exitCode).toBe(0)
    const html = fs.readFileSync(out, 'utf8')
    expect(externalReferences(html)).toEqual([])
    expect(html.match(/<svg /g)).toHaveLength(6)
    expect(html).toContain('Measured log append throughput by batch size (test-host, 2026-11-21)')
  })

  it('the check finds what it must refuse', () => {
    expect(externalReferences('<p>see https://example.com</p>')).toHaveLength(1)
    expect(externalReferences('<img src="//cdn.example/x.png">')).toEqual(['<img>', 'img src="//cdn.example/x.png"'])
    expect(externalReferences('<link rel="stylesheet" href="a.css">')).toEqual(['<link>', 'link href="a.css"'])
    expect(externalReferences('<style>@import "x.css";</style>')).toEqual(['url() or @import in <style>'])
    expect(externalReferences('<div style="background:url(x.png)"></div>')).toHaveLength(1)
    expect(externalReferences('<script src="x.js"></script>')).toEqual(['<script src>', 'script src="x.js"'])
    expect(externalReferences('<a href="#summary">ok</a>')).toEqual([])
  })
})
