// The project base command: --json envelope, --no-color, exit codes, and error rendering.
// Every kafka-sizer command extends it.
import {Command, Errors, Flags, type Interfaces} from '@oclif/core'
import {EXIT, UserError} from './errors.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

/** An unexpected failure: a bug in kafka-sizer, not in the user's input (BSD sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static enableJsonFlag = true

  static baseFlags = {
    color: Flags.boolean({
      allowNo: true,
      default: true,
      helpGroup: 'GLOBAL',
      description: 'Colour the output. Also off with NO_COLOR, TERM=dumb, --json, or when stdout is not a terminal.',
    }),
  }

  protected flags!: BaseFlags<T>

  public override async init(): Promise<void> {
    await super.init()
    const {flags} = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
  }

  /** Data goes to stdout; this is for diagnostics, which go to stderr and never into --json output. */
  protected note(message: string): void {
    if (!this.jsonEnabled()) process.stderr.write(`${message}\n`)
  }

  // oclif drops custom exit codes under --json and prints stacks for plain Errors: map every error to
  // one exit code and one message here (style.md §1.4).
  protected override async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    const debug = Boolean(process.env.DEBUG)
    let exitCode: number
    let message = err.message
    let suggestions: string[] = []
    if (err instanceof UserError) {
      exitCode = err.exitCode
      suggestions = err.suggestions
    } else if (err.oclif?.exit !== undefined) {
      // oclif's own parse errors (unknown flag, missing value): usage errors, exit 2 (package.json exitCodes).
      exitCode = err.oclif.exit === 0 ? 0 : EXIT.USAGE
    } else if ((err as {code?: string}).code === 'EEXIT') {
      throw err
    } else {
      exitCode = EXIT_INTERNAL
      message = `internal error: ${err.message}`
      suggestions = debug ? [] : ['run again with DEBUG=1 to see the stack, and report it with the command you ran']
    }
    process.exitCode = exitCode
    if (this.jsonEnabled()) {
      this.logJson({error: {message, exitCode, suggestions, ...(debug ? {stack: err.stack} : {})}})
      return undefined
    }
    if (debug && !(err instanceof UserError)) process.stderr.write(`${err.stack ?? ''}\n`)
    throw new Errors.CLIError(message, {exit: exitCode, suggestions})
  }
}
