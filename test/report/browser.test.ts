// The HTML report in a real headless Chromium (Debian's chromium, driven by playwright-core): no console
// errors, no request beyond the file itself, every chart's SVG has a non-zero size, in light and dark
// mode, and it prints to PDF. Screenshots are saved under the test's temp dir (the paths are printed).
// Skipped, with the reason printed, only where /usr/bin/chromium does not exist (.ci/run installs it).
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {BrowserContext} from 'playwright-core'
import Report from '../../src/commands/report.js'
import {run} from '../helpers/run-command.js'
import {presetFile, tempDir, writeCalibration} from './fixtures.js'

const CHROMIUM = '/usr/bin/chromium'
const available = fs.existsSync(CHROMIUM)
if (!available) console.warn(`browser test skipped: ${CHROMIUM} is missing (install Debian's chromium package: apt-get install -y chromium; .ci/run does this)`)

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']

const dir = tempDir('browser')
let context: BrowserContext | undefined

beforeAll(async () => {
  if (!available) return
  const {chromium} = await import('playwright-core')
  // A fresh profile directory per run (launchPersistentContext passes it as --user-data-dir).
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(dir, 'profile-')), {executablePath: CHROMIUM, args: FLAGS, headless: true, viewport: {width: 1100, height: 900}})
}, 60_000)
afterAll(async () => {
  await context?.close()
  console.log(`browser test screenshots: ${dir}`)
})

async function open(file: string, colorScheme: 'light' | 'dark') {
  const page = await context!.newPage()
  await page.emulateMedia({colorScheme})
  const errors: string[] = []
  const requests: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
  const boxes = await page.$$eval('svg', (svgs) => svgs.map((s) => {
    const r = s.getBoundingClientRect()
    return {id: s.getAttribute('aria-labelledby') ?? '', width: r.width, height: r.height}
  }))
  return {page, errors, requests, boxes}
}

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  const cases = [
    {name: 'twitter-calibrated', args: ['--file', presetFile('twitter')], calibrated: true, charts: 6},
    {name: 'single-topic', args: ['--throughput', '120 MB/s', '--retention', '7d', '--consumer-groups', '3', '--azs', '3', '--broker-price', '0.84', '--growth', '2x/year', '--topic', 'orders'], calibrated: false, charts: 4},
  ]
  it.each(cases)('$name: no console errors or requests, non-zero charts, light and dark screenshots, PDF', async (c) => {
    const out = path.join(dir, `${c.name}.html`)
    const args = [...c.args, ...(c.calibrated ? ['--calibration', writeCalibration(dir)] : []), '--output', out]
    expect((await run(Report, args)).exitCode).toBe(0)
    for (const scheme of ['light', 'dark'] as const) {
      const {page, errors, requests, boxes} = await open(out, scheme)
      expect(errors).toEqual([])
      expect(requests).toEqual([pathToFileURL(out).href])
      expect(boxes).toHaveLength(c.charts)
      for (const b of boxes) {
        expect(b.width, b.id).toBeGreaterThan(100)
        expect(b.height, b.id).toBeGreaterThan(100)
      }
      const shot = path.join(dir, `${c.name}-${scheme}.png`)
      await page.screenshot({path: shot, fullPage: true})
      expect(fs.statSync(shot).size).toBeGreaterThan(10_000)
      if (scheme === 'light') {
        const pdf = await page.pdf({format: 'A4', printBackground: true})
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
        fs.writeFileSync(path.join(dir, `${c.name}.pdf`), pdf)
      }
      await page.close()
    }
  }, 60_000)
})
