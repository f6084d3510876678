// Public API of health checks: probes, one job's check, the multi-job `health_check` pass.
export {
  HealthCheckError, type HealthAttempt, type HealthContext, type HealthEvent, type JobHealthResult, type ProbeResult, type SkipReason,
  type WaitOptions,
} from './types.ts';
export { loadHealthSpec, parseHealthSpec, probePorts, type JobHealthSpec, type ProbeSpec } from './spec.ts';
export { httpProbe, tcpProbe, type HttpProbeSpec } from './probes.ts';
export { sshProbe, type SshProbeRunner } from './ssh-probe.ts';
export { checkJobHealth, type JobHealthOptions } from './job-check.ts';
export { checkHealth, checkWorkers, type HealthCheckOptions, type HealthReport } from './health-check.ts';
export { formatHealthEvent } from './format.ts';
