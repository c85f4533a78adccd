// Writes a rendered report: never half a file (a temporary file in the same directory, then a rename),
// and a missing directory is the user's input error, not created behind their back.
import {randomBytes} from 'node:crypto'
import {rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {InputError, UserError} from '../lib/errors.js'
import {ioReason} from '../lib/io-errors.js'

export async function writeReport(file: string, text: string): Promise<string> {
  const target = path.resolve(file)
  const dir = path.dirname(target)
  const dirStat = await stat(dir).catch(() => undefined)
  if (!dirStat?.isDirectory()) throw new InputError('--output', `directory ${path.dirname(file) || '.'} does not exist`, 'a file in an existing directory (kafka-sizer does not create it)', 'sizing.html')
  const existing = await stat(target).catch(() => undefined)
  if (existing?.isDirectory()) throw new InputError('--output', `${file} is a directory`, 'a file name', path.join(file, 'sizing.html'))
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temp, text, 'utf8')
    await rename(temp, target)
  } catch (error) {
    await rm(temp, {force: true})
    throw new UserError(`--output: cannot write ${file}: ${ioReason(error)}`)
  }
  return target
}
