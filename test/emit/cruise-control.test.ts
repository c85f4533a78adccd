import {describe, expect, it} from 'vitest'
import {type CapacityFile, renderCruiseControl} from '../../src/emit/cruise-control.js'
import {OPTIONS, README_REQUEST, planFor} from './fixture.js'

// Cruise Control's units (BrokerCapacityConfigFileResolver: DISK MB, CPU %, NW_IN/NW_OUT KB/s), and its
// KB/MB are binary: HolderUtils.convertUnit divides the measured load by 1024 and 1024 * 1024.
const NUMERIC = /^\d+(\.\d+)?$/

describe('cruise-control capacity.json', () => {
  it('parses as JSON in the BrokerCapacityConfigFileResolver format, with numeric strings', async () => {
    const plan = await planFor()
    const {filename, content} = renderCruiseControl(plan, OPTIONS)
    expect(filename).toBe('capacity.json')
    const file = JSON.parse(content) as CapacityFile
    expect(file.brokerCapacities).toHaveLength(1)
    const [broker] = file.brokerCapacities
    expect(broker!.brokerId).toBe('-1')
    expect(Object.keys(broker!.capacity).sort()).toEqual(['CPU', 'DISK', 'NW_IN', 'NW_OUT'])
    for (const value of Object.values(broker!.capacity)) {
      expect(typeof value).toBe('string')
      expect(value).toMatch(NUMERIC)
    }
  })

  it('default broker: 2 TB disk = 2e12 / 2^20 MB; 2.5 Gbit/s NIC = 312,500,000 B/s / 1024 KB/s; CPU 100%', async () => {
    const plan = await planFor()
    const {capacity, doc} = (JSON.parse(renderCruiseControl(plan, OPTIONS).content) as CapacityFile).brokerCapacities[0]!
    expect(plan.input.hardware.diskSizeBytes).toBe(2e12)
    expect(plan.input.hardware.networkBitsPerSec).toBe(2.5e9)
    expect(capacity.DISK).toBe('1907348.6328125')
    expect(capacity.NW_IN).toBe('305175.78125')
    expect(capacity.NW_OUT).toBe('305175.78125')
    expect(capacity.CPU).toBe('100')
    expect(doc).toContain('DISK in MB of 2^20 bytes')
    expect(doc).toContain('KB/s of 1024 bytes')
    expect(doc).toContain('CPU in percent')
  })

  it('disk capacity counts every disk of the broker; network follows the NIC', async () => {
    const plan = await planFor({...README_REQUEST, hardware: {disks: 2, diskSizeBytes: 4e12, networkBitsPerSec: 10e9}})
    const {capacity, doc} = (JSON.parse(renderCruiseControl(plan, OPTIONS).content) as CapacityFile).brokerCapacities[0]!
    // 2 × 4e12 B / 1,048,576 = 7,629,394.53125 MB; 10 Gbit/s = 1.25e9 B/s / 1024 = 1,220,703.125 KB/s.
    expect(capacity.DISK).toBe('7629394.53125')
    expect(capacity.NW_IN).toBe('1220703.125')
    expect(capacity.NW_OUT).toBe('1220703.125')
    expect(doc).toContain('JBOD')
  })
})
