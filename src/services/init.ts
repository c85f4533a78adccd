// `kafka-sizer init`: writes a commented cluster plan file, the starter (templates/plan.yaml) or a preset
// system (templates/presets/NAME.yaml, from sizing-model.md §8.8).
import {mkdir, readFile, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {UserError} from '../lib/errors.js'

/** The preset systems, as in templates/presets/. */
export const PRESETS = ['twitter', 'whatsapp', 'ad-aggregator', 'ticket-booking', 'notifications', 'job-scheduler', 'web-crawler'] as const
export type PresetName = (typeof PRESETS)[number]

export const DEFAULT_PLAN_FILE = 'kafka-sizer-plan.yaml'

export interface InitOptions {
  /** Where to write; default ./kafka-sizer-plan.yaml. Parent directories are created. */
  output?: string
  preset?: string
  /** Overwrite an existing file. */
  force?: boolean
}

export interface InitResult {
  /** The absolute path written. */
  path: string
  /** The preset written, or null for the starter. */
  preset: PresetName | null
}

/** The template file: the starter, or a preset. Relative to this module, so it works from src/ and dist/. */
export function templateUrl(preset?: PresetName): URL {
  return new URL(preset === undefined ? '../../templates/plan.yaml' : `../../templates/presets/${preset}.yaml`, import.meta.url)
}

export async function initService(options: InitOptions = {}): Promise<InitResult> {
  let preset: PresetName | null = null
  if (options.preset !== undefined) {
    const wanted = options.preset.trim().toLowerCase()
    preset = PRESETS.find((p) => p === wanted) ?? null
    if (preset === null) {
      const {closest} = await import('../planfile/suggest.js')
      const near = closest(options.preset, PRESETS)
      throw new UserError(`--preset: no preset named "${options.preset}"${near ? `; did you mean "${near}"?` : ''} Presets: ${PRESETS.join(', ')}`, {
        suggestions: [`kafka-sizer init --preset ${near ?? PRESETS[0]}`],
      })
    }
  }
  const output = options.output ?? DEFAULT_PLAN_FILE
  if (output.trim() === '') throw new UserError('--output: no file name given', {suggestions: [`kafka-sizer init --output ${DEFAULT_PLAN_FILE}`]})
  const target = path.resolve(output)

  const existing = await stat(target).catch(() => undefined)
  if (existing?.isDirectory()) {
    throw new UserError(`--output: ${output} is a directory; give a file name`, {suggestions: [`kafka-sizer init --output ${path.join(output, DEFAULT_PLAN_FILE)}`]})
  }
  if (existing !== undefined && !options.force) {
    throw new UserError(`${output} already exists; kafka-sizer init does not overwrite it without --force`, {
      suggestions: [`kafka-sizer init${preset ? ` --preset ${preset}` : ''} --output ${output} --force`, `kafka-sizer init${preset ? ` --preset ${preset}` : ''} --output another-file.yaml`],
    })
  }

  const text = await readFile(templateUrl(preset ?? undefined), 'utf8')
  try {
    await mkdir(path.dirname(target), {recursive: true})
    // "wx": fails if the file appeared since the check above; never overwrite without --force.
    await writeFile(target, text, {flag: options.force ? 'w' : 'wx'})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new UserError(`${output} already exists; kafka-sizer init does not overwrite it without --force`)
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`--output: ${output}: permission denied`)
    if (code === 'ENOTDIR') throw new UserError(`--output: ${output}: a parent of it is a file, not a directory`)
    throw error
  }
  return {path: target, preset}
}
