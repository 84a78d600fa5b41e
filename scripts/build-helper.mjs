// Builds the remote-control helper into one file that runs without Node installed:
// esbuild bundle -> Node single-executable-application blob -> injected into a copy of node.
// Usage: node scripts/build-helper.mjs [--force]    (skips the work when the inputs did not change)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const helperDir = join(root, 'helper');
const outDir = join(helperDir, 'dist');
const workDir = join(outDir, 'build');
export const HELPER_OUTPUT = join(outDir, `remote-support-helper-${process.platform}-${process.arch}`);
const STAMP = `${HELPER_OUTPUT}.stamp`;
/** The fuse node looks for to know a SEA blob was injected (fixed by Node). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!name.endsWith('.test.ts')) yield path;
  }
}

/** Hash of everything the file is made of: our sources, the lock file, this script and the node binary it wraps. */
function inputsHash() {
  const hash = createHash('sha256');
  const inputs = [...files(join(helperDir, 'src')), ...files(join(root, 'signaling/src')), join(helperDir, 'package.json'), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];
  for (const path of inputs.sort()) hash.update(path).update(readFileSync(path));
  const node = statSync(process.execPath);
  hash.update(`${process.execPath}:${node.size}:${node.mtimeMs}:${process.version}`);
  return hash.digest('hex');
}

export async function buildHelper({ force = false } = {}) {
  const hash = inputsHash();
  if (!force && existsSync(HELPER_OUTPUT) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
    console.log(`helper      -> ${HELPER_OUTPUT.slice(root.length + 1)} (up to date)`);
    return HELPER_OUTPUT;
  }
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const bundle = join(workDir, 'helper.cjs');
  await build({
    entryPoints: [join(helperDir, 'src/main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    tsconfig: join(root, 'tsconfig.json'),
    // ws tries optional native speed-ups (bufferutil, utf-8-validate) unless told not to: a SEA can only load built-ins.
    external: ['bufferutil', 'utf-8-validate'],
    define: { 'process.env.WS_NO_BUFFER_UTIL': '"1"', 'process.env.WS_NO_UTF_8_VALIDATE': '"1"' },
    logLevel: 'warning',
  });
  const blob = join(workDir, 'helper.blob');
  const seaConfig = join(workDir, 'sea-config.json');
  writeFileSync(seaConfig, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }));
  execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'ignore' });

  const program = join(workDir, 'program');
  copyFileSync(process.execPath, program);
  chmodSync(program, 0o755);
  // Debug symbols are most of a distribution's node binary; the program runs the same without them.
  try {
    execFileSync('strip', [program], { stdio: 'ignore' });
  } catch {
    console.warn('warning: strip is not available, the helper keeps node\'s debug symbols');
  }
  const { inject } = require('postject');
  await inject(program, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
  copyFileSync(program, HELPER_OUTPUT);
  chmodSync(HELPER_OUTPUT, 0o755);
  rmSync(workDir, { recursive: true, force: true });
  writeFileSync(STAMP, hash);
  console.log(`helper      -> ${HELPER_OUTPUT.slice(root.length + 1)}  ${(statSync(HELPER_OUTPUT).size / 1048576).toFixed(1)} MB (node ${process.version} SEA)`);
  return HELPER_OUTPUT;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildHelper({ force: process.argv.includes('--force') });
}
