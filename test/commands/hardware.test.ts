import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import HardwareList from '../../src/commands/hardware/list.js'
import HardwareShow from '../../src/commands/hardware/show.js'
import Capacity from '../../src/commands/capacity.js'
import Partitions from '../../src/commands/partitions.js'
import Plan from '../../src/commands/plan.js'
import Storage from '../../src/commands/storage.js'
import type {HardwareProfile} from '../../src/catalogue/types.js'
import {GiB, MiB} from '../../src/model/constants.js'
import {calibrationFixture} from '../helpers/calibration-fixture.js'
import {run, runJson} from '../helpers/run-command.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'kafka-sizer-catalogue-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function file(name: string, text: string): string {
  const p = path.join(dir, name)
  writeFileSync(p, text)
  return p
}

const OWN_YAML = file(
  'ours.yaml',
  `# our own brokers
profiles:
  - name: onprem-r740
    vendor: on-prem
    description: Dell R740, 4 NVMe data disks
    hardware:
      diskThroughputBytesPerSec: "1.5 GB/s"
      diskSizeBytes: "3.84 TB"
      disks: 4
      networkBitsPerSec: "25 Gbit/s"
      cores: 32
      memoryBytes: "256 GiB"
    priceUsdPerHour: 1.2
    priceDate: 2025-03-01
    priceRegion: our-dc
    sources:
      diskThroughputBytesPerSec: fio sequential 1 MiB writes on one disk, 2025-03-01
      priceUsdPerHour: finance, amortised over 4 years
`,
)

const OWN_JSON = file(
  'ours.json',
  JSON.stringify({
    profiles: [{name: 'generic', description: 'our generic', hardware: {diskThroughputBytesPerSec: 500e6, diskSizeBytes: 4e12, disks: 2, networkBitsPerSec: 10e9, cores: 16, memoryBytes: 64 * GiB, maxPartitionReplicas: 3000}}],
  }),
)

interface ListJson {
  profiles: HardwareProfile[]
}
interface PlanJson {
  brokers: number
  input: {hardware: {name: string; cores: number; networkBitsPerSec: number; diskThroughputBytesPerSec: number; maxPartitionReplicas: number}}
  assumptions: Array<{key: string; value: unknown; origin: string; source: string}>
}

describe('hardware list', () => {
  it('--json returns every profile with figures and sources, nothing on stderr', async () => {
    const {json, stderr, exitCode} = await runJson<ListJson>(HardwareList, [])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(json.profiles.length).toBeGreaterThan(30)
    const m5 = json.profiles.find((p) => p.name === 'msk-kafka.m5.2xlarge')!
    expect(m5).toMatchObject({vendor: 'aws-msk', kind: 'broker', catalogue: 'built-in'})
    expect(m5.hardware).toMatchObject({cores: 8, memoryBytes: 32 * GiB, networkBitsPerSec: 2.5e9, diskThroughputBytesPerSec: 250 * MiB, maxPartitionReplicas: 2000})
    expect(m5.sources.networkBitsPerSec).toMatch(/baseline 2.5 Gbit\/s/)
  })

  it('--vendor filters; an unknown vendor is exit 2 with a suggestion', async () => {
    const {json} = await runJson<ListJson>(HardwareList, ['--vendor', 'confluent'])
    expect(json.profiles.map((p) => p.name)).toEqual(['confluent-dedicated-1cku'])
    const bad = await run(HardwareList, ['--vendor', 'aws'])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toContain('Did you mean "aws-ec2", "aws-msk"?')
  })

  it('prints one aligned line per profile, grouped by vendor, without colour in a pipe', async () => {
    const {stdout, exitCode} = await run(HardwareList, ['--vendor', 'aws-msk', '--no-color'])
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(/msk-kafka\.m5\.2xlarge +8 +32 GiB +2\.5 Gbit\/s +262 MB\/s × 1 +2 TB +2,000 +\$0\.84 \(us-east-1, \d{4}-\d{2}-\d{2}\)/)
    expect(stdout).toContain('msk-express.m7g.2xlarge *')
    expect(stdout).toContain('$/hour (region, date)')
    expect(stdout).not.toMatch(/\u001b\[/)
  })

  it('--catalogue adds profiles (YAML, units as text) and replaces built-ins of the same name (JSON)', async () => {
    const {json, exitCode} = await runJson<ListJson>(HardwareList, ['--catalogue', OWN_YAML])
    expect(exitCode).toBe(0)
    const mine = json.profiles.find((p) => p.name === 'onprem-r740')!
    expect(mine.hardware).toEqual({diskThroughputBytesPerSec: 1.5e9, diskSizeBytes: 3.84e12, disks: 4, networkBitsPerSec: 25e9, cores: 32, memoryBytes: 256 * GiB, maxPartitionReplicas: 4000})
    expect(mine).toMatchObject({vendor: 'on-prem', priceUsdPerHour: 1.2, priceDate: '2025-03-01', priceRegion: 'our-dc'})
    expect(mine.catalogue).toMatch(/ours\.yaml$/)
    expect(mine.sources.diskThroughputBytesPerSec).toBe('fio sequential 1 MiB writes on one disk, 2025-03-01')
    expect(mine.sources.cores).toMatch(/ours\.yaml, profile onprem-r740 \(no source given\)/)
    expect(mine.sources.maxPartitionReplicas).toMatch(/by vCPU count/)

    const replaced = await runJson<ListJson>(HardwareList, ['--catalogue', OWN_JSON, '--vendor', 'custom'])
    expect(replaced.json.profiles).toHaveLength(1)
    expect(replaced.json.profiles[0]).toMatchObject({name: 'generic', description: 'our generic'})
  })
})

describe('hardware show', () => {
  it('--json returns the profile with every source', async () => {
    const {json, stderr, exitCode} = await runJson<HardwareProfile>(HardwareShow, ['msk-express.m7g.2xlarge'])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(json.name).toBe('msk-express.m7g.2xlarge')
    expect(json.limits?.egressBytesPerSec).toBe(125e6)
    expect(Object.keys(json.sources)).toEqual(expect.arrayContaining(['diskThroughputBytesPerSec', 'networkBitsPerSec', 'limits.egressBytesPerSec']))
  })

  it('prints each figure with its source and the notes', async () => {
    const {stdout, exitCode} = await run(HardwareShow, ['msk-kafka.m5.large', '--no-color'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('disk throughput (per disk)')
    expect(stdout).toContain('81.3 MB/s')
    expect(stdout).toContain('EBS-optimized baseline 81.25 MB/s')
    expect(stdout).toContain('Notes')
    expect(stdout).toMatch(/price +\$0\.21 \(us-east-1, \d{4}-\d{2}-\d{2}\)/)
    expect(stdout).toContain('https://aws.amazon.com/msk/pricing/')
    expect(stdout).toMatch(/storage price +\$0\.09313 per GB-month \(GB = 10\^9 B\)/)
    expect(stdout).not.toContain('No price')
  })

  it('an MSK profile says replication transfer is not billed, with its source; the old "too high" caveat is gone', async () => {
    for (const name of ['msk-kafka.m7g.large', 'msk-express.m7g.large']) {
      const {stdout} = await run(HardwareShow, [name, '--no-color'])
      expect(stdout, name).toMatch(/replication transfer +not billed \(cross-AZ transfer prices the clients' bytes only\)/)
      expect(stdout, name).toContain('http://pvchk.app2one.com/jp/msk/pricing')
      expect(stdout, name).not.toMatch(/too high|subtract the replication/)
    }
    const ec2 = await run(HardwareShow, ['ec2-m5.2xlarge-gp3', '--no-color'])
    expect(ec2.stdout).not.toContain('replication transfer')
  })

  it('a built-in profile without a verified price says so, and never shows one', async () => {
    const {stdout, exitCode} = await run(HardwareShow, ['azure-d8s-v5-premium-ssd-v2', '--no-color'])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('No price: none could be verified')
    expect(stdout).not.toMatch(/^ +price +\$/m)
    const list = await run(HardwareList, ['--vendor', 'azure', '--no-color'])
    expect(list.stdout).toMatch(/azure-d8s-v5-premium-ssd-v2 .* —$/m)
  })

  it('an unknown name is exit 2 with "did you mean"', async () => {
    const {exitCode, stderr, stdout} = await run(HardwareShow, ['msk-kafka.m5.2xlarg'])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('no hardware profile named "msk-kafka.m5.2xlarg". Did you mean "msk-kafka.m5.2xlarge"?')
    const asJson = await runJson<{error: {exitCode: number; suggestions: string[]}}>(HardwareShow, ['msk-kafka.m5.2xlarg'])
    expect(asJson.json.error.exitCode).toBe(2)
    expect(asJson.json.error.suggestions).toContain('kafka-sizer hardware show msk-kafka.m5.2xlarge')
  })

  it('shows a profile from a user catalogue', async () => {
    const {json} = await runJson<HardwareProfile>(HardwareShow, ['onprem-r740', '--catalogue', OWN_YAML])
    expect(json.hardware.disks).toBe(4)
  })
})

describe('malformed catalogues: exit 2, naming file:line and the field', () => {
  const HEAD = `profiles:
  - name: bad-one
    hardware:
      diskThroughputBytesPerSec: "1 GB/s"
      diskSizeBytes: "2 TB"
      disks: 1
`
  it.each([
    ['not a whole number', `${HEAD}      networkBitsPerSec: "10 Gbit/s"\n      cores: 2.5\n      memoryBytes: "64 GiB"\n`, 'bad-1.yaml:8: profiles[0].hardware.cores: expected a whole number'],
    ['unknown field', `${HEAD}      networkBitsPerSec: "10 Gbit/s"\n      cores: 2\n      cpus: 2\n      memoryBytes: "64 GiB"\n`, 'bad-2.yaml:9: profiles[0].hardware.cpus: unknown field "cpus"'],
    ['missing figure', `${HEAD}      cores: 2\n      memoryBytes: "64 GiB"\n`, 'bad-3.yaml:3: profiles[0].hardware.networkBitsPerSec: missing'],
    ['a size where a bandwidth belongs', `${HEAD}      networkBitsPerSec: "10 GB"\n      cores: 2\n      memoryBytes: "64 GiB"\n`, 'bad-4.yaml:7: profiles[0].hardware.networkBitsPerSec: "10 GB" is a size'],
    ['bad name', `profiles:\n  - name: Bad Name\n    hardware: {}\n`, 'bad-5.yaml:2: profiles[0].name: expected a lower-case name'],
    ['YAML syntax', `profiles:\n  - name: x\n    hardware: [1, 2\n`, 'bad-6.yaml:'],
    ['no profiles list', `brokers: []\n`, 'bad-7.yaml:1: (top level): expected `profiles:`'],
  ])('%s', async (_what, text, message) => {
    const index = message.slice(4, 5)
    const p = file(`bad-${index}.yaml`, text)
    const {exitCode, stderr, stdout} = await run(HardwareList, ['--catalogue', p])
    expect(exitCode).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('--catalogue: ')
    expect(stderr).toContain(message)
  })

  it('a missing file', async () => {
    const {exitCode, stderr} = await run(HardwareList, ['--catalogue', path.join(dir, 'nope.yaml')])
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/--catalogue: .*nope\.yaml: no such file/)
  })

  it('duplicate names in one file', async () => {
    const entry = `  - name: twin\n    hardware: {diskThroughputBytesPerSec: 1e8, diskSizeBytes: 1e12, disks: 1, networkBitsPerSec: 1e10, cores: 4, memoryBytes: 1.6e10}\n`
    const p = file('twins.yaml', `profiles:\n${entry}${entry}`)
    const {exitCode, stderr} = await run(HardwareList, ['--catalogue', p])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('twins.yaml:4: profiles[1].name: "twin" is already defined by profiles[0]')
  })
})

describe('--hardware on the sizing commands', () => {
  it('plan uses the profile figures and lists them in the assumptions with the catalogue source', async () => {
    const {json, exitCode, stderr} = await runJson<PlanJson>(Plan, ['--throughput', '100 MB/s', '--hardware', 'msk-kafka.m5.2xlarge'])
    expect(exitCode).toBe(0)
    expect(stderr).toBe('')
    expect(json.input.hardware).toMatchObject({name: 'msk-kafka.m5.2xlarge', cores: 8, networkBitsPerSec: 2.5e9, diskThroughputBytesPerSec: 250 * MiB, maxPartitionReplicas: 2000})
    const hw = json.assumptions.filter((a) => a.key.startsWith('hardware.'))
    expect(hw.map((a) => a.key).sort()).toEqual(
      ['hardware.profile', 'hardware.cores', 'hardware.diskSizeBytes', 'hardware.diskThroughputBytesPerSec', 'hardware.disks', 'hardware.maxPartitionReplicas', 'hardware.memoryBytes', 'hardware.networkBitsPerSec'].sort(),
    )
    for (const a of hw) {
      expect(a.origin).toBe('catalogue')
      expect(a.source).toContain('kafka-sizer catalogue')
    }
    expect(hw.find((a) => a.key === 'hardware.networkBitsPerSec')!.source).toMatch(/^msk-kafka\.m5\.2xlarge \(kafka-sizer catalogue\): AWS "Amazon EC2 Instance Types" guide/)
  })

  it('a flag still overrides one figure, which then is not an assumption', async () => {
    const {json} = await runJson<PlanJson>(Plan, ['--throughput', '100 MB/s', '--hardware', 'msk-kafka.m5.2xlarge', '--cores', '16'])
    expect(json.input.hardware.cores).toBe(16)
    expect(json.input.hardware.networkBitsPerSec).toBe(2.5e9)
    const keys = json.assumptions.map((a) => a.key)
    expect(keys).not.toContain('hardware.cores')
    expect(keys).toContain('hardware.networkBitsPerSec')
    expect(json.input.hardware.name).toContain('msk-kafka.m5.2xlarge')
  })

  it('a calibration profile\'s measured disk throughput wins over the catalogue\'s', async () => {
    const cal = file('cal.json', JSON.stringify(calibrationFixture()))
    const {json} = await runJson<PlanJson>(Plan, ['--throughput', '100 MB/s', '--hardware', 'ec2-i3en.2xlarge', '--calibration', cal])
    expect(json.input.hardware).toMatchObject({diskThroughputBytesPerSec: 1.2e9, disks: 2})
    const byKey = new Map(json.assumptions.map((a) => [a.key, a]))
    expect(byKey.get('hardware.diskThroughputBytesPerSec')).toMatchObject({origin: 'calibration'})
    expect(byKey.get('hardware.disks')).toMatchObject({origin: 'catalogue'})
  })

  it('MSK Express: §8.5\'s egress quota bound (500 MB/s ÷ 125 MB/s ≈ 4, 6 over 3 AZs), then 9 to survive an AZ', async () => {
    type Json = PlanJson & {bindingResource: string; bindingScenario: string; bounds: Array<{resource: string; brokersNeeded: number}>}
    const {json} = await runJson<Json>(Plan, ['--throughput', '100 MB/s', '--consumer-groups', '5', '--azs', '3', '--retention', '1h', '--hardware', 'msk-express.m7g.2xlarge'])
    // §8.5 counts payload; the quota counts the record batches clients send (+1 % at 1 KiB records).
    const egress = json.bounds.find((b) => b.resource === 'client-egress')!
    expect(egress.brokersNeeded).toBeGreaterThan(4)
    expect(egress.brokersNeeded).toBeLessThan(4.1)
    // 6 brokers lose 2 with an AZ: 505 MB/s over 4 survivors is above 125 MB/s each, so 3 more.
    expect(json.brokers).toBe(9)
    expect(json.bindingResource).toBe('client-egress')
    expect(json.bindingScenario).toBe('az-loss')
  })

  it('a capacity unit\'s client quotas are assumptions with their source, and bind the ingress', async () => {
    const {json} = await runJson<PlanJson & {bindingResource: string; bounds: Array<{resource: string; brokersNeeded: number}>}>(Plan, ['--throughput', '200 MB/s', '--retention', '1h', '--hardware', 'msk-express.m7g.large'])
    const byKey = new Map(json.assumptions.map((a) => [a.key, a]))
    expect(byKey.get('hardware.clientIngressBytesPerSec')).toMatchObject({origin: 'catalogue', value: 15.6e6})
    expect(byKey.get('hardware.clientIngressBytesPerSec')?.source).toContain('msk-express.m7g.large')
    const ingress = json.bounds.find((b) => b.resource === 'client-ingress')!
    expect(ingress.brokersNeeded).toBeCloseTo((200 * 1.01) / 15.6, 1)
    // The nominal disk and NIC never bind before the quota.
    expect(json.bindingResource).toBe('client-ingress')
  })

  it('an unknown profile is exit 2 with "did you mean"', async () => {
    const {exitCode, stderr} = await run(Plan, ['--throughput', '100 MB/s', '--hardware', 'msk-kafka.m5.2xlarg'])
    expect(exitCode).toBe(2)
    expect(stderr).toContain('--hardware: no hardware profile named "msk-kafka.m5.2xlarg". Did you mean "msk-kafka.m5.2xlarge"?')
  })

  it('a profile from --catalogue, on partitions, storage and capacity too', async () => {
    const plan = await runJson<PlanJson>(Plan, ['--throughput', '100 MB/s', '--hardware', 'onprem-r740', '--catalogue', OWN_YAML])
    expect(plan.json.input.hardware).toMatchObject({disks: 4, cores: 32})
    expect(plan.json.assumptions.find((a) => a.key === 'hardware.diskThroughputBytesPerSec')!.source).toContain('fio sequential')
    for (const [cmd, argv] of [
      [Partitions, ['--throughput', '100 MB/s']],
      [Storage, ['--throughput', '100 MB/s']],
      [Capacity, ['--brokers', '6']],
    ] as const) {
      const {json, exitCode} = await runJson<{assumptions: PlanJson['assumptions']}>(cmd, [...argv, '--hardware', 'ec2-i3en.2xlarge'])
      expect(exitCode, cmd.name).toBe(0)
      expect(json.assumptions.find((a) => a.key === 'hardware.disks'), cmd.name).toMatchObject({value: 2, origin: 'catalogue'})
    }
  })
})
