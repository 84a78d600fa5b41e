import { execFileSync } from 'node:child_process';

/** A veth pair: the media server's side in this (root) namespace, its peer in a namespace created for the test. */
export interface VethNamespace {
  /** The non-loopback address on the root side (198.18.0.0/15, a benchmarking range). */
  address: string;
  remove(): void;
}

const ip = (...args: string[]): void => void execFileSync('ip', args, { stdio: 'pipe' });

/** Why this process cannot create a namespace (null when it can): needs root and the `ip` tool. */
export function namespaceUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'not root: creating a network namespace needs root (CI runs as root)';
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `ip netns unavailable: ${String(error)}`;
  }
}

/**
 * Firefox never offers loopback ICE candidates, so the media server needs a
 * routable address: a veth pair whose peer lives in a namespace of its own
 * (so the link is up and nothing leaves the machine). Unique per process.
 */
export function createVethNamespace(): VethNamespace {
  const tag = String(process.pid % 100_000);
  const ns = `rs-ff-${tag}`;
  const hostEnd = `rsff${tag}h`;
  const peerEnd = `rsff${tag}p`;
  const octet = 1 + (process.pid % 250);
  const address = `198.18.${octet}.1`;
  const remove = (): void => {
    try { ip('link', 'del', hostEnd); } catch { /* already gone */ }
    try { ip('netns', 'del', ns); } catch { /* already gone */ }
  };
  remove();
  try {
    ip('netns', 'add', ns);
    ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', peerEnd);
    ip('link', 'set', peerEnd, 'netns', ns);
    ip('addr', 'add', `${address}/30`, 'dev', hostEnd);
    ip('link', 'set', hostEnd, 'up');
    ip('netns', 'exec', ns, 'ip', 'addr', 'add', `198.18.${octet}.2/30`, 'dev', peerEnd);
    ip('netns', 'exec', ns, 'ip', 'link', 'set', peerEnd, 'up');
  } catch (error) {
    remove();
    throw error;
  }
  return { address, remove };
}
