import {Args} from '@oclif/core'
import {BaseCommand} from '../lib/base-command.js'
import {type CalcResult, calculate} from '../services/calc.js'

export default class Calc extends BaseCommand<typeof Calc> {
  static summary = 'Back-of-envelope calculator with units: bytes, rates, durations and messages.'

  static description = `Evaluates an expression with units (mathjs), where msg (also messages, events, records) counts messages. Ends with "to UNIT" to convert. MB = 10^6 B, MiB = 2^20 B; b = bit, B = byte; k and M after a number multiply it (100k, 500M); 1 month = 30 days and 1 year = 365 days, as retention is counted.`

  static examples = [
    {description: 'Storage of 500M messages a day of 500 B for 7 days at RF 3', command: '<%= config.bin %> <%= command.id %> "500M msg/day * 500 B * 7 days * 3 to TB"'},
    {description: 'How many MB/s is 1 TB a day?', command: '<%= config.bin %> <%= command.id %> "1 TB/day to MB/s"'},
    {description: 'Messages per second from a daily count', command: '<%= config.bin %> <%= command.id %> "2.5M msg/day to msg/s"'},
  ]

  static args = {
    expression: Args.string({description: 'The expression, quoted: "120 MB/s * 7 days to TB"', required: true}),
  }

  public async run(): Promise<CalcResult> {
    const {args} = await this.parse(Calc)
    const result = await calculate(args.expression)
    if (!this.jsonEnabled()) {
      const alternatives = result.alternatives.length > 0 ? `  (${result.alternatives.join(', ')})` : ''
      this.log(`${result.result}${alternatives}`)
    }
    return result
  }
}
