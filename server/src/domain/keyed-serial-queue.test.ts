import { KeyedSerialQueue } from './keyed-serial-queue';

describe('KeyedSerialQueue', () => {
  it('runs the tasks of one key one after another, in order, even when one fails', async () => {
    const queue = new KeyedSerialQueue();
    const log: string[] = [];
    const task = (name: string, fail = false) => async () => {
      log.push(`${name}:start`);
      await Promise.resolve();
      await Promise.resolve();
      log.push(`${name}:end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([queue.run('s', task('a')), queue.run('s', task('b', true)), queue.run('s', task('c'))]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets different keys run side by side', async () => {
    const queue = new KeyedSerialQueue();
    let releaseA: () => void = () => undefined;
    const a = queue.run('a', () => new Promise<string>((resolve) => (releaseA = () => resolve('a'))));
    await expect(queue.run('b', async () => 'b')).resolves.toBe('b');
    releaseA();
    await expect(a).resolves.toBe('a');
  });
});
