// The hook variables that let a hook's maand.run_ssh reach workers exactly as the run does
// (issue 15): the run's ssh options (host-key policy and known_hosts of decision Q28, key, port),
// the user, and the directory of the run's ControlMaster sockets (socket names: executor.ts
// controlSocket, which maand.py computes the same way).
import { hookSshOptionArgs, sshPort, type SshReach } from './ssh-options.ts';

export function hookSshEnvironment(reach: SshReach, controlDir: string, proxies: Readonly<Record<string, string[]>> = {}): Record<string, string> {
  return {
    // per worker behind a bastion: the ProxyCommand riding the run's bastion master (issue 14)
    ...(Object.keys(proxies).length > 0 ? { MAAND_SSH_PROXY: JSON.stringify(proxies) } : {}),
    MAAND_SSH_CONTROL_DIR: controlDir,
    MAAND_SSH_OPTIONS: JSON.stringify(hookSshOptionArgs(reach)),
    MAAND_SSH_USER: reach.user,
    MAAND_SSH_PORT: String(sshPort(reach.port)),
  };
}
