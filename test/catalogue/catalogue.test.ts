import {describe, expect, it} from 'vitest'
import {
  HARDWARE_FIELDS,
  editDistance,
  findProfile,
  listProfiles,
  requireProfile,
  requiredSourceKeys,
  suggestNames,
  vendors,
} from '../../src/catalogue/index.js'
import {DEFAULT_HARDWARE, GiB, MB, MiB, partitionReplicasForCores} from '../../src/model/constants.js'

const profiles = listProfiles()
const byName = (name: string) => {
  const p = findProfile(name)
  if (!p) throw new Error(`missing profile ${name}`)
  return p
}

describe('built-in hardware catalogue', () => {
  it('has every profile the issue asks for', () => {
    const sizes = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge']
    const wanted = [
      ...[...sizes, '24xlarge'].map((s) => `msk-kafka.m5.${s}`),
      ...sizes.map((s) => `msk-kafka.m7g.${s}`),
      ...sizes.map((s) => `msk-express.m7g.${s}`),
      'ec2-i3en.2xlarge',
      'ec2-i3en.6xlarge',
      'ec2-i4i.2xlarge',
      'ec2-m5.2xlarge-gp3',
      'gcp-n2-standard-8-pd-balanced',
      'gcp-n2-standard-16-pd-ssd',
      'azure-d8s-v5-premium-ssd-v2',
      'azure-d16s-v5-premium-ssd-v2',
      'confluent-dedicated-1cku',
      'generic',
    ]
    for (const name of wanted) expect(findProfile(name), name).toBeDefined()
    expect(vendors(profiles)).toEqual(['generic', 'aws-msk', 'aws-ec2', 'gcp', 'azure', 'confluent'])
  })

  it('names are unique, lower case and kebab-style', () => {
    const names = profiles.map((p) => p.name)
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^[a-z0-9][a-z0-9._-]*$/)
  })

  it('every figure has a non-empty source, and no source is left over', () => {
    for (const p of profiles) {
      const keys = requiredSourceKeys(p)
      for (const key of keys) {
        expect(p.sources[key], `${p.name}: ${key}`).toBeTypeOf('string')
        expect(p.sources[key]!.trim().length, `${p.name}: ${key}`).toBeGreaterThan(15)
      }
      expect(Object.keys(p.sources).sort()).toEqual([...keys].sort())
      expect(p.description.length).toBeGreaterThan(10)
      expect(p.catalogue).toBe('built-in')
    }
  })

  it('every MSK profile (Standard and Express) bills no replication transfer; self-managed and other vendors leave the rule out (billed)', () => {
    const msk = profiles.filter((p) => p.vendor === 'aws-msk')
    expect(msk.some((p) => p.kind === 'broker') && msk.some((p) => p.kind === 'capacity-target')).toBe(true)
    for (const p of msk) {
      expect(p.replicationTransferBilled, p.name).toBe(false)
      expect(p.sources.replicationTransferBilled, p.name).toContain('https://aws.amazon.com/msk/pricing/')
      expect((p.notes ?? []).join(' '), p.name).not.toMatch(/too high/)
    }
    for (const p of profiles.filter((q) => q.vendor !== 'aws-msk')) expect(p.replicationTransferBilled, p.name).toBeUndefined()
  })

  it('cross-zone transfer: AWS (EC2, MSK, and generic, the default AWS-class broker) $0.02 per GB crossing, GCP $0.01 per GiB converted, Azure 0; Confluent none', () => {
    for (const p of profiles) {
      const source = p.sources.transferUsdPerGb ?? ''
      if (p.vendor === 'aws-ec2' || p.vendor === 'aws-msk' || p.vendor === 'generic') {
        expect(p.transferUsdPerGb, p.name).toBe(0.02)
        expect(source, p.name).toContain('AWS EC2 data transfer: $0.01/GB in each direction')
      } else if (p.vendor === 'gcp') {
        expect(p.transferUsdPerGb, p.name).toBeCloseTo((0.01 * 1e9) / GiB, 15)
        expect(source, p.name).toContain('https://cloud.google.com/vpc/network-pricing')
        expect(source, p.name).toMatch(/read there on \d{4}-\d{2}-\d{2}.*Read \d{4}-\d{2}-\d{2}/)
      } else if (p.vendor === 'azure') {
        expect(p.transferUsdPerGb, p.name).toBe(0)
        expect(source, p.name).toContain('Azure doesn\'t charge for data transfer between availability zones in the same region')
      } else {
        expect(p.transferUsdPerGb, p.name).toBeUndefined()
        expect(p.sources.transferUsdPerGb, p.name).toBeUndefined()
      }
    }
  })

    it('figures are in sane base units', () => {
    for (const p of profiles) {
      const h = p.hardware
      for (const field of HARDWARE_FIELDS) expect(Number.isFinite(h[field]) && h[field] > 0, `${p.name}: ${field}`).toBe(true)
      // Network in bits/s: from a derived Express mapping (0.5 Gbit/s) to 200 Gbit/s NICs.
      expect(h.networkBitsPerSec, p.name).toBeGreaterThanOrEqual(0.25e9)
      expect(h.networkBitsPerSec, p.name).toBeLessThanOrEqual(200e9)
      expect(h.diskThroughputBytesPerSec, p.name).toBeGreaterThanOrEqual(10 * MB)
      expect(h.diskThroughputBytesPerSec, p.name).toBeLessThanOrEqual(20e9)
      expect(h.diskSizeBytes, p.name).toBeGreaterThanOrEqual(100e9)
      expect(h.diskSizeBytes, p.name).toBeLessThanOrEqual(1e15)
      expect(h.memoryBytes, p.name).toBeGreaterThanOrEqual(1 * GiB)
      expect(h.memoryBytes, p.name).toBeLessThanOrEqual(4096 * GiB)
      for (const count of [h.disks, h.cores, h.maxPartitionReplicas]) expect(Number.isInteger(count), p.name).toBe(true)
      expect(h.disks).toBeLessThanOrEqual(24)
      expect(h.cores).toBeLessThanOrEqual(512)
      expect(h.maxPartitionReplicas).toBeGreaterThanOrEqual(100)
      expect(h.maxPartitionReplicas).toBeLessThanOrEqual(100_000)
    }
  })

  it('every priced profile has a region, a YYYY-MM-DD date and a source naming a URL; so does a storage price', () => {
    const priced = profiles.filter((p) => p.priceUsdPerHour !== undefined)
    expect(priced.length).toBeGreaterThan(20)
    for (const p of priced) {
      expect(p.priceUsdPerHour, p.name).toBeGreaterThan(0)
      expect(p.priceRegion, p.name).toMatch(/^[a-z]+-[a-z]+-?\d$/)
      expect(p.priceDate, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(Number.isNaN(Date.parse(p.priceDate!)), p.name).toBe(false)
      expect(p.sources.priceUsdPerHour, p.name).toMatch(/https?:\/\/\S+|github\.com\/\S+/)
      expect(p.sources.priceUsdPerHour, p.name).toContain(String(p.priceUsdPerHour))
    }
    for (const p of profiles.filter((x) => x.storagePriceUsdPerGbMonth !== undefined)) {
      expect(p.priceUsdPerHour, p.name).toBeDefined()
      expect(p.sources.storagePriceUsdPerGbMonth, p.name).toMatch(/https?:\/\/\S+|github\.com\/\S+/)
      expect(p.sources.storagePriceUsdPerGbMonth, p.name).toMatch(/10\^9/)
    }
  })

  it('built-in prices: on-demand list prices as read (us-east-1 for AWS, us-central1 for GCP); no price where none was verified', () => {
    const hourly = Object.fromEntries(profiles.map((p) => [p.name, p.priceUsdPerHour]))
    expect(hourly).toMatchObject({
      'msk-kafka.m5.large': 0.21,
      'msk-kafka.m5.2xlarge': 0.84,
      'msk-kafka.m5.24xlarge': 10.08,
      'msk-kafka.m7g.large': 0.204,
      'msk-kafka.m7g.16xlarge': 6.528,
      'msk-express.m7g.large': 0.408,
      'msk-express.m7g.16xlarge': 13.056,
      'ec2-i3en.2xlarge': 0.904,
      'ec2-i3en.6xlarge': 2.712,
      'ec2-m5.2xlarge-gp3': 0.384,
      'ec2-m5.4xlarge-gp3': 0.768,
      'gcp-n2-standard-8-pd-balanced': 0.388472,
      'gcp-n2-standard-16-pd-ssd': 0.776944,
    })
    for (const name of ['generic', 'ec2-i4i.2xlarge', 'ec2-i4i.4xlarge', 'azure-d8s-v5-premium-ssd-v2', 'azure-d16s-v5-premium-ssd-v2', 'confluent-dedicated-1cku']) {
      expect(hourly[name], name).toBeUndefined()
    }
    for (const p of profiles.filter((x) => x.vendor.startsWith('aws-') && x.priceUsdPerHour !== undefined)) expect(p.priceRegion, p.name).toBe('us-east-1')
    for (const p of profiles.filter((x) => x.vendor === 'gcp')) expect(p.priceRegion, p.name).toBe('us-central1')
    // Storage: AWS's $/GB-month is per 2^30 bytes; the model's is per 10^9 bytes.
    expect(byName('msk-kafka.m5.2xlarge').storagePriceUsdPerGbMonth).toBeCloseTo((0.1 * 1e9) / GiB, 12)
    expect(byName('ec2-m5.2xlarge-gp3').storagePriceUsdPerGbMonth).toBeCloseTo((0.08 * 1e9) / GiB, 12)
    // Express storage is billed on one copy of the data, which the model's replicated storage does not match: no storage price.
    expect(byName('msk-express.m7g.2xlarge').storagePriceUsdPerGbMonth).toBeUndefined()
    expect(byName('ec2-i3en.2xlarge').storagePriceUsdPerGbMonth).toBeUndefined()
  })

  it('a price always comes with its date, region and source (and none is estimated)', () => {
    for (const p of profiles) {
      if (p.priceUsdPerHour === undefined) {
        expect(p.priceDate).toBeUndefined()
        continue
      }
      expect(p.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(p.priceRegion).toBeTruthy()
      expect(p.sources.priceUsdPerHour).toBeTruthy()
    }
  })

  it('generic is the model default broker', () => {
    const g = byName('generic').hardware
    expect(g).toEqual({
      diskThroughputBytesPerSec: DEFAULT_HARDWARE.diskThroughputBytesPerSec.value,
      diskSizeBytes: DEFAULT_HARDWARE.diskSizeBytes.value,
      disks: DEFAULT_HARDWARE.disks.value,
      networkBitsPerSec: DEFAULT_HARDWARE.networkBitsPerSec.value,
      cores: DEFAULT_HARDWARE.cores.value,
      memoryBytes: DEFAULT_HARDWARE.memoryBytes.value,
      maxPartitionReplicas: partitionReplicasForCores(DEFAULT_HARDWARE.cores.value).value,
    })
  })

  it('MSK Standard: vCPU, memory, baseline network, MSK partition guidance, EBS-limited disks on small sizes', () => {
    expect(byName('msk-kafka.m5.2xlarge').hardware).toMatchObject({cores: 8, memoryBytes: 32 * GiB, networkBitsPerSec: 2.5e9, diskThroughputBytesPerSec: 250 * MiB, disks: 1, maxPartitionReplicas: 2000})
    expect(byName('msk-kafka.m5.large').hardware).toMatchObject({cores: 2, networkBitsPerSec: 0.75e9, diskThroughputBytesPerSec: 81.25 * MB, maxPartitionReplicas: 1000})
    expect(byName('msk-kafka.m5.24xlarge').hardware).toMatchObject({cores: 96, memoryBytes: 384 * GiB, networkBitsPerSec: 25e9, maxPartitionReplicas: 4000})
    expect(byName('msk-kafka.m7g.16xlarge').hardware).toMatchObject({cores: 64, networkBitsPerSec: 30e9, diskThroughputBytesPerSec: 250 * MiB})
    expect(byName('msk-kafka.m5.12xlarge').sources.diskThroughputBytesPerSec).toContain('up to 1000 MiB/s')
  })

  it('MSK Express and Confluent CKU publish client limits; their disk and NIC are nominal, 4× what the limits need at RF 3', () => {
    const x = byName('msk-express.m7g.2xlarge')
    expect(x.kind).toBe('capacity-target')
    expect(x.limits).toEqual({ingressBytesPerSec: 62.5 * MB, egressBytesPerSec: 125 * MB, partitions: 2500})
    expect(x.hardware.diskThroughputBytesPerSec).toBeCloseTo(4 * 3 * 62.5 * MB)
    expect(x.hardware.networkBitsPerSec).toBeCloseTo(4 * (125 + 2 * 62.5) * MB * 8)
    expect(x.sources.diskThroughputBytesPerSec).toMatch(/^nominal/)
    const c = byName('confluent-dedicated-1cku')
    expect(c.limits).toEqual({ingressBytesPerSec: 60 * MB, egressBytesPerSec: 180 * MB, partitions: 4500})
    expect(c.hardware.maxPartitionReplicas).toBe(4500 * 3)
    expect(c.sources.cores).toMatch(/not published/)
  })

  it('self-managed EC2: NVMe disks per volume, gp3 at its 125 MiB/s baseline', () => {
    expect(byName('ec2-i3en.2xlarge').hardware).toMatchObject({disks: 2, diskSizeBytes: 2500e9, networkBitsPerSec: 8.4e9, cores: 8, memoryBytes: 64 * GiB})
    expect(byName('ec2-i3en.6xlarge').hardware).toMatchObject({disks: 2, diskSizeBytes: 7500e9, networkBitsPerSec: 25e9})
    expect(byName('ec2-m5.2xlarge-gp3').hardware.diskThroughputBytesPerSec).toBe(125 * MiB)
    expect(byName('ec2-i3en.2xlarge').sources.diskThroughputBytesPerSec).toMatch(/lower bound/)
  })
})

describe('lookup', () => {
  it('finds a profile case-insensitively', () => {
    expect(findProfile('MSK-Kafka.M5.2XLARGE')?.name).toBe('msk-kafka.m5.2xlarge')
    expect(findProfile('no-such')).toBeUndefined()
  })

  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })

  it('suggests the near miss, then looser matches', () => {
    const names = profiles.map((p) => p.name)
    expect(suggestNames('msk-kafka.m5.2xlarg', names)).toEqual(['msk-kafka.m5.2xlarge'])
    expect(suggestNames('kafka.m5.2xlarge', names)[0]).toBe('msk-kafka.m5.2xlarge')
    expect(suggestNames('i3en', names)).toEqual(expect.arrayContaining(['ec2-i3en.2xlarge']))
    expect(suggestNames('zzzzzzzz', names)).toEqual([])
  })

  it('an unknown name is a usage error (exit 2) that says "did you mean"', () => {
    expect(() => requireProfile('msk-kafka.m5.2xlarg', profiles, '--hardware')).toThrow(/--hardware: no hardware profile named "msk-kafka.m5.2xlarg". Did you mean "msk-kafka.m5.2xlarge"\?/)
    try {
      requireProfile('nope-nope', profiles, '--hardware')
    } catch (error) {
      expect((error as {exitCode: number}).exitCode).toBe(2)
    }
  })

  it('a user profile replaces a built-in one of the same name', () => {
    const mine = {...byName('generic'), description: 'mine', catalogue: 'mine.yaml'}
    const merged = listProfiles([mine])
    expect(merged).toHaveLength(profiles.length)
    expect(findProfile('generic', merged)?.catalogue).toBe('mine.yaml')
  })
})
