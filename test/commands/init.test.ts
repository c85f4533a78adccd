import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import Init from '../../src/commands/init.js'
import {readPlanFile} from '../../src/planfile/read.js'
import {PRESETS, templateUrl} from '../../src/services/init.js'
import {run, runJson} from '../helpers/run-command.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kafka-sizer-init-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const starter = readFileSync(fileURLToPath(templateUrl()), 'utf8')

describe('kafka-sizer init', () => {
  it('writes the commented starter to --output, which readPlanFile accepts', async () => {
    const out = path.join(dir, 'starter.yaml')
    const ran = await run(Init, ['--output', out])
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toBe(`Wrote ${out}.\n`)
    expect(ran.stderr).toMatch(/kafka-sizer plan --file/)
    expect(readFileSync(out, 'utf8')).toBe(starter)
    await expect(readPlanFile(out)).resolves.toMatchObject({version: 1})
  })

  it('writes ./kafka-sizer-plan.yaml by default', async () => {
    const cwd = process.cwd()
    const here = mkdtempSync(path.join(dir, 'cwd-'))
    process.chdir(here)
    try {
      const ran = await runJson<{path: string; preset: string | null}>(Init, [])
      expect(ran.exitCode).toBe(0)
      expect(ran.json).toEqual({path: path.join(here, 'kafka-sizer-plan.yaml'), preset: null})
      expect(existsSync(path.join(here, 'kafka-sizer-plan.yaml'))).toBe(true)
    } finally {
      process.chdir(cwd)
    }
  })

  it.each(PRESETS)('--preset %s writes that preset, and --json returns {path, preset}', async (preset) => {
    const out = path.join(dir, 'presets', `${preset}.yaml`)
    const ran = await runJson<{path: string; preset: string}>(Init, ['--preset', preset, '--output', out])
    expect(ran.exitCode).toBe(0)
    expect(ran.json).toEqual({path: out, preset})
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(fileURLToPath(templateUrl(preset)), 'utf8'))
    await expect(readPlanFile(out)).resolves.toMatchObject({cluster: {name: preset}})
  })

  it('refuses to overwrite an existing file (exit 2), and leaves it alone', async () => {
    const out = path.join(dir, 'existing.yaml')
    writeFileSync(out, 'mine\n')
    const ran = await run(Init, ['--output', out])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toMatch(/already exists; kafka-sizer init does not overwrite it without --force/)
    expect(readFileSync(out, 'utf8')).toBe('mine\n')

    const json = await runJson<{error: {exitCode: number; message: string}}>(Init, ['--output', out])
    expect(json.json.error.exitCode).toBe(2)
  })

  it('overwrites with --force', async () => {
    const out = path.join(dir, 'forced.yaml')
    writeFileSync(out, 'mine\n')
    const ran = await run(Init, ['--preset', 'twitter', '--output', out, '--force'])
    expect(ran.exitCode).toBe(0)
    expect(ran.stdout).toMatch(/^Wrote .*forced\.yaml \(preset twitter, from sizing-model\.md §8\.8/)
    expect(readFileSync(out, 'utf8')).toMatch(/name: tweets/)
  })

  it('an unknown preset is exit 2, listing the valid ones with the closest', async () => {
    const out = path.join(dir, 'never.yaml')
    const ran = await run(Init, ['--preset', 'twiter', '--output', out])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toMatch(/--preset: no preset named "twiter"; did you mean "twitter"\? Presets: twitter, whatsapp, ad-aggregator, ticket-booking, notifications, job-scheduler, web-crawler/)
    expect(existsSync(out)).toBe(false)
  })

  it('a directory as --output is exit 2', async () => {
    const ran = await run(Init, ['--output', dir])
    expect(ran.exitCode).toBe(2)
    expect(ran.stderr).toMatch(/is a directory; give a file name/)
  })
})
