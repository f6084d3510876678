// Public API of job commands (hooks): workspace preparation, runs, the runtime API, post_build.
export type {
  AllocationRunResult, CommandRunResult, EventRunResult, HookEvent, HookOutputLine, HookProgress, HookRunContext, HookRuntimes,
  HookGrant, HookSession, RuntimeApiEndpoint,
} from './types.ts';
export { commandNotRegistered, isJobCommandError, JobCommandError, notRegistered, type JobCommandErrorKind } from './errors.ts';
export {
  activeWorkers, allocationById, commandsFor, commandTimeoutSeconds, demandsOn, isRegistered, jobAllocations, jobsRegistering,
  type HookAllocation,
} from './catalog.ts';
export { CLIENT_LIBRARIES, clientLibrary, jobWorkspaceDir, prepareHookWorkspace, writeClientLibraries, type WorkspaceOptions } from './workspace.ts';
export { NODE_RESOLVE_HOOK, pythonFor, resolveHookScript, type HookScript } from './script.ts';
export { allocationIndex, batchEnvironment, hookEnvironment } from './environment.ts';
export { defaultConcurrency, runJobCommand, type RunCommandOptions } from './runner.ts';
export { runEventCommands, type RunEventOptions } from './event.ts';
export { runCliCommand, type CliCommandOptions, type CliCommandResult } from './cli-command.ts';
export { startRuntimeApi, type RuntimeApi, type RuntimeApiOptions } from './runtime-api.ts';
export { postBuildPlan, runPostBuild, type PostBuildOptions, type PostBuildResult } from './post-build.ts';
