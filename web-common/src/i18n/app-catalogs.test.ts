import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { enConsole, enCustomer, enShared } from './catalogs/en';
import { enHelp, enHelpButton, enQueueConsole } from './catalogs/queue/en';
import { enHistoryConsole } from './catalogs/history/en';

/** Every .ts source file (tests and catalogs excepted) under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'catalogs' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const ALL_KEYS = new Set([...Object.keys(enShared), ...Object.keys(enCustomer), ...Object.keys(enConsole), ...Object.keys(enHelp), ...Object.keys(enHelpButton), ...Object.keys(enQueueConsole), ...Object.keys(enHistoryConsole)]);

/** The message keys a folder's code mentions (string literals that are catalog keys). */
function keysUsedIn(dir: string): string[] {
  const found = new Set<string>();
  for (const file of sources(dir)) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
      if (key && ALL_KEYS.has(key)) found.add(key);
    }
  }
  return [...found].sort();
}

const root = join(__dirname, '../../..');

describe('each app ships the messages it shows', () => {
  it('web-common views use shared messages only', () => {
    expect(keysUsedIn(join(root, 'web-common/src')).filter((key) => !(key in enShared))).toEqual([]);
  });

  it.each([
    ['customer-client', { ...enCustomer, ...enHelp, ...enHelpButton }],
    ['agent-console', { ...enConsole, ...enQueueConsole, ...enHistoryConsole }],
  ] as const)('%s uses shared messages and its own part only', (app, own) => {
    const used = keysUsedIn(join(root, app, 'src'));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !(key in enShared) && !(key in own))).toEqual([]);
  });
});
