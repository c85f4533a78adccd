// Flags that describe a benchmark's setup for `capacity`'s saturation prediction (issue: predict published
// measurements). They never change the planning answer; they only shape the "what a benchmark would measure" block.
import {bandwidthFlag, choiceFlag, positiveNumberFlag} from './quantity-flags.js'
import {Flags} from '@oclif/core'

const BENCHMARK = 'BENCHMARK SETUP (saturation prediction)'

export const saturationFlags = {
  flush: choiceFlag({options: ['none', 'every-message'] as const, helpGroup: BENCHMARK, description: 'Broker flush policy: none (page cache, Kafka default) or every-message (flush.messages=1: an fsync per appended batch). Default none.'}),
  'kafka-version': Flags.string({helpGroup: BENCHMARK, description: 'Broker version: decides the message format on the wire and disk (v0 before 0.10, v1 in 0.10, v2 from 0.11). Default: current (v2).'}),
  'client-network': bandwidthFlag({name: 'client-network', helpGroup: BENCHMARK, description: 'NIC of one client machine, each way: "1 Gbit/s". Default: the brokers’ --network.'}),
  'client-cores': positiveNumberFlag({name: 'client-cores', helpGroup: BENCHMARK, description: 'CPU available to one client instance (its container limit), e.g. 0.5. Default 1 (kafka-sizer assumption: one core per client instance).'}),
}

export interface SaturationFlagValues {
  flush?: 'none' | 'every-message'
  'kafka-version'?: string
  'client-network'?: number
  'client-cores'?: number
}

export interface SaturationOptions {
  flush?: 'none' | 'every-message'
  kafkaVersion?: string
  clientNetworkBitsPerSec?: number
  clientCores?: number
}

export function saturationOptionsFromFlags(f: SaturationFlagValues): SaturationOptions {
  return {flush: f.flush, kafkaVersion: f['kafka-version'], clientNetworkBitsPerSec: f['client-network'], clientCores: f['client-cores']}
}
