import { readFile, readdir, readlink } from 'node:fs/promises';

export interface SocketCount {
  udp: number;
  tcp: number;
}

/**
 * The UDP and TCP sockets a process holds open, from /proc (its file
 * descriptors matched against the kernel's socket tables): the media ports a
 * mediasoup worker really uses, whatever our own bookkeeping says.
 */
export async function socketsOfProcess(pid: number): Promise<SocketCount> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [])) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match?.[1]) inodes.add(match[1]);
  }
  const count = async (tables: string[]): Promise<number> => {
    let n = 0;
    for (const table of tables) {
      const text = await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '');
      for (const line of text.split('\n').slice(1)) {
        const inode = line.trim().split(/\s+/)[9];
        if (inode && inodes.has(inode)) n++;
      }
    }
    return n;
  };
  return { udp: await count(['udp', 'udp6']), tcp: await count(['tcp', 'tcp6']) };
}
