/**
 * Which Host names the browser host answers (issue #14: it answered any Host header, so a web
 * page could rebind its own name to the host's address and call it from the officer's browser).
 * Allowed: this machine's loopback names, the address it was bound to (every LAN address of this
 * machine when bound to all of them), its computer name, and the names an administrator gave
 * with --allowed-host. Everything else gets 421 and a plain sentence.
 *
 * The Origin of a request, when a browser sends one, must be one of the same names: a page of
 * another site cannot make the officer's browser call the host either.
 */
import os from 'node:os';

export interface AllowedHostsOptions {
  /** The address given to listen() (127.0.0.1 by default, 0.0.0.0 or :: for the whole LAN). */
  bind: string;
  /** Names given with --allowed-host (a DNS name of the server, a reverse proxy's name). */
  extra?: string[];
  /** For tests: this machine's interfaces and name. */
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  hostname?: string;
}

/** The host name of a Host header or URL authority, lower case, without port or IPv6 brackets. */
export function hostNameOf(authority: string): string | null {
  const a = authority.trim().toLowerCase();
  if (a.length === 0 || a.length > 255 || /[\s/\\@?#]/.test(a)) return null;
  if (a.startsWith('[')) {
    const end = a.indexOf(']');
    if (end < 0) return null;
    const rest = a.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return a.slice(1, end);
  }
  const parts = a.split(':');
  if (parts.length > 2) return null;
  if (parts.length === 2 && !/^\d{1,5}$/.test(parts[1]!)) return null;
  const name = parts[0]!.replace(/\.$/, '');
  return name.length > 0 ? name : null;
}

export function allowedHostNames(opts: AllowedHostsOptions): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1']);
  const bind = opts.bind.toLowerCase().replace(/^\[|\]$/g, '');
  const all = bind === '0.0.0.0' || bind === '::' || bind === '';
  if (!all) names.add(bind);
  else {
    for (const list of Object.values(opts.interfaces ?? os.networkInterfaces())) {
      for (const i of list ?? []) names.add(i.address.toLowerCase().replace(/%.*$/, ''));
    }
  }
  const hostname = (opts.hostname ?? os.hostname()).toLowerCase();
  if (hostname) names.add(hostname);
  for (const extra of opts.extra ?? []) {
    const name = hostNameOf(extra);
    if (name) names.add(name);
  }
  return names;
}

export function isAllowedHost(allowed: Set<string>, hostHeader: string | undefined): boolean {
  if (typeof hostHeader !== 'string') return false;
  const name = hostNameOf(hostHeader);
  return name !== null && allowed.has(name);
}

/** An Origin header, when present, must name one of our hosts over http(s). */
export function isAllowedOrigin(allowed: Set<string>, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch (err) {
    // new URL refuses what is not a URL with a TypeError; that answer is "not allowed".
    if (!(err instanceof TypeError)) throw err;
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return allowed.has(url.hostname.toLowerCase().replace(/^\[|\]$/g, ''));
}
