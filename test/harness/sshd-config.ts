// The sshd_config of one local test worker. Only what a loopback test worker needs: key auth for
// root from one authorized_keys file, no PAM (the container has no login setup), and enough
// session/startup slots for parallel ssh and rsync from the tests.

export interface SshdConfigInput {
  ip: string;
  pidFile: string;
  hostKey: string;
  authorizedKeys: string;
  /** sshd's stock MaxStartups (10:30:100) and MaxSessions (10), as on a real bastion. */
  stockLimits?: boolean;
}

export function sshdConfigText(c: SshdConfigInput): string {
  return [
    `ListenAddress ${c.ip}`,
    'Port 22',
    `PidFile ${c.pidFile}`,
    `HostKey ${c.hostKey}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    `AuthorizedKeysFile ${c.authorizedKeys}`,
    'UseDNS no',
    'PrintMotd no',
    'LogLevel INFO',
    ...(c.stockLimits === true ? [] : ['MaxSessions 64', 'MaxStartups 100:30:200']),
    'Subsystem sftp /usr/lib/openssh/sftp-server',
    '',
  ].join('\n');
}

/** Single-quotes a value for `sh -c` (paths come from mkdtemp, but be safe anyway). */
export function shellQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}
