// Words for the model's resource and scenario names, shared by every renderer.

const RESOURCE_LABEL: Record<string, string> = {
  'disk-throughput': 'disk throughput',
  'network-in': 'network in',
  'network-out': 'network out',
  cpu: 'CPU',
  storage: 'storage',
  'partition-replicas': 'partition replicas per broker',
  'replication-factor': 'replication factor',
  'availability-zones': 'availability zones',
  'partition-throughput': 'partition throughput',
  'consumer-throughput': 'consumer throughput',
  'client-ingress': 'client ingress quota',
  'client-egress': 'client egress quota',
}

export const resourceLabel = (r: string): string => RESOURCE_LABEL[r] ?? r

/** " with one broker lost" etc., to follow "bound by <resource>". */
export const SCENARIO_SUFFIX = {normal: '', 'broker-loss': ' with one broker lost', 'az-loss': ' with one AZ lost'} as const
