// The bastion chain of a worker (issue 14, decision Q37): OpenSSH -J syntax,
// `[ssh://][user@]host[:port][,[user@]host[:port]...]`, first hop first. A hop without a user logs
// in as the run's ssh_user (a CI runner's own login name means nothing on a bastion).
import { MaandError, type ErrorCode } from '../errors.ts';
import { isWorkerHost } from '../bucket/identifiers.ts';

export interface JumpHop {
  /** undefined: the run's ssh_user. */
  user?: string;
  host: string;
  /** 22 when not given. */
  port: number;
}

/** Longer chains are a configuration mistake, not a network. */
export const MAX_JUMP_HOPS = 8;

const USER = /^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$/;
export const PROXY_JUMP_SYNTAX = 'user@host[:port], a chain as user@first[:port],user@second[:port]; "" connects directly';

/** One hop, or the reason it is not one. */
function parseHop(text: string): JumpHop | string {
  let rest = text.startsWith('ssh://') ? text.slice('ssh://'.length) : text;
  let user: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (!USER.test(user)) return `user ${JSON.stringify(user)} is not a login name`;
  }
  let host = rest;
  let portText: string | undefined;
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (v6 !== null) {
    host = v6[1]!;
    portText = v6[2];
  } else if (rest.split(':').length === 2) {
    [host, portText] = rest.split(':') as [string, string];
  }
  if (host === '') return 'the host is missing';
  if (!isWorkerHost(host)) return `host ${JSON.stringify(host)} is not an IP address or DNS name`;
  let port = 22;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
    if (port < 1 || port > 65535) return `port ${JSON.stringify(portText)} is not a number from 1 to 65535`;
  }
  return { ...(user === undefined ? {} : { user }), host, port };
}

/**
 * The hops of a -J value ('' → none). `where` names the setting for the message (e.g.
 * `maand.conf ssh_proxy_jump`); `kind` is the error kind of that setting's file.
 */
export function parseProxyJump(spec: string, where: string, kind: ErrorCode = 'invalid argument'): JumpHop[] {
  const text = spec.trim();
  if (text === '') return [];
  const fail = (why: string): never => {
    throw new MaandError(kind, `${where} ${JSON.stringify(spec)}: ${why}; use ${PROXY_JUMP_SYNTAX}`);
  };
  if (/[\s\p{C}]/u.test(text)) fail('it must not contain spaces or control characters');
  const parts = text.split(',');
  if (parts.length > MAX_JUMP_HOPS) fail(`more than ${MAX_JUMP_HOPS} hops`);
  return parts.map((part, i) => {
    const hop = part === '' ? 'the hop is empty' : parseHop(part);
    if (typeof hop === 'string') return fail(parts.length > 1 ? `hop ${i + 1} (${JSON.stringify(part)}): ${hop}` : hop);
    return hop;
  });
}

/** `user@host:port` of a hop, as messages and known_hosts name it. */
export function hopName(hop: JumpHop, defaultUser: string): string {
  const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
  return `${hop.user ?? defaultUser}@${host}${hop.port === 22 ? '' : `:${hop.port}`}`;
}
