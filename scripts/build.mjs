// Builds the two web apps (browser bundles + static files), the server (one node bundle) and the
// remote-control helper (one executable file, skipped when up to date: scripts/build-helper.mjs).
// Usage: node scripts/build.mjs
import { build } from 'esbuild';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildHelper } from './build-helper.mjs';
import { hashName, moveSourceMaps, precompress, rewriteIndex } from './web-assets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_APPS = ['customer-client', 'agent-console'];
/** Styles of the shared UI components, copied next to each app's own styles. */
const COMMON_CSS = join(root, 'web-common/src/ui/common.css');

/**
 * One web app into <app>/dist: app-HASH.js and hashed styles (cached for good by browsers),
 * index.html pointing at them (never cached), a .br and .gz copy of each text file, and
 * source maps in <app>/sourcemaps (not served).
 */
async function buildWebApp(app) {
  const appDir = join(root, app);
  const outDir = join(appDir, 'dist');
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { app: join(appDir, 'src/main.ts') },
    outdir: outDir,
    entryNames: '[name]-[hash]',
    metafile: true,
    bundle: true,
    minify: true,
    sourcemap: 'external',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    legalComments: 'linked',
    // debug (used by mediasoup-client) and engine.io-client read these when present.
    define: {
      'process.env.NODE_ENV': '"production"',
      'process.env.DEBUG': 'undefined',
      global: 'globalThis',
    },
    logLevel: 'warning',
  });
  const script = Object.keys(result.metafile.outputs).map((p) => p.split('/').pop()).find((name) => /^app-.*\.js$/.test(name));
  const publicDir = join(appDir, 'public');
  if (existsSync(publicDir)) cpSync(publicDir, outDir, { recursive: true });
  if (existsSync(COMMON_CSS)) cpSync(COMMON_CSS, join(outDir, 'common.css'));
  const renames = { 'app.js': script };
  for (const css of ['common.css', 'styles.css']) if (existsSync(join(outDir, css))) renames[css] = hashName(outDir, css);
  rewriteIndex(outDir, renames);
  if (app === 'customer-client') await buildHelpButton(appDir, outDir);
  await buildFilesWorker(outDir);
  moveSourceMaps(outDir, join(appDir, 'sourcemaps'));
  const sizes = measure(outDir);
  precompress(outDir);
  return sizes;
}

/**
 * help-button.js, the one-<script> help button other websites embed (README "Help page and
 * help button"): a classic script with a stable name (sites link to it; served no-cache).
 */
async function buildHelpButton(appDir, outDir) {
  await build({
    entryPoints: [join(appDir, 'src/help-button/help-button.ts')],
    outfile: join(outDir, 'help-button.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    tsconfig: join(root, 'tsconfig.json'),
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/**
 * files-worker.js, the worker that writes received file chunks to the Origin Private File System
 * (web-common/src/files/chunk-store-worker.ts); the app starts it by this stable name, next to its script.
 */
async function buildFilesWorker(outDir) {
  await build({
    entryPoints: [join(root, 'web-common/src/files/chunk-store-worker.ts')],
    outfile: join(outDir, 'files-worker.js'),
    bundle: true,
    minify: true,
    sourcemap: 'external',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Raw, gzipped and brotli bytes of what a browser downloads (maps and licences excluded). */
function measure(outDir) {
  const sizes = { files: {}, raw: 0, gzip: 0, brotli: 0 };
  for (const name of readdirSync(outDir)) {
    const path = join(outDir, name);
    if (!statSync(path).isFile() || /\.(map|LEGAL\.txt|br|gz)$/.test(name)) continue;
    const bytes = readFileSync(path);
    const entry = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
    sizes.files[name] = entry;
    sizes.raw += entry.raw;
    sizes.gzip += entry.gzip;
    sizes.brotli += entry.brotli;
  }
  return sizes;
}

async function buildServer() {
  const entry = join(root, 'server/src/main.ts');
  if (!existsSync(entry)) {
    console.warn('warning: server/src/main.ts does not exist yet, server build skipped');
    return;
  }
  const pkg = JSON.parse(readFileSync(join(root, 'server/package.json'), 'utf8'));
  // Our @rs/* workspace sources are bundled; every other dependency loads from node_modules.
  const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((name) => !name.startsWith('@rs/'));
  // main.js: the server; supervisor.js: runs main.js and restarts it after a crash (npm start); create-admin.js: `node server/dist/create-admin.js --username ...` (see npm run admin:create).
  await build({
    entryPoints: { main: entry, supervisor: join(root, 'server/src/cli/supervisor.ts'), 'create-admin': join(root, 'server/src/cli/create-admin.ts') },
    outdir: join(root, 'server/dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    external,
    logLevel: 'warning',
  });
  console.log('server      -> server/dist/main.js, server/dist/supervisor.js, server/dist/create-admin.js');
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const report = {};
for (const app of WEB_APPS) {
  const sizes = await buildWebApp(app);
  report[app] = sizes;
  console.log(`${app.padEnd(16)} -> ${app}/dist  ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli`);
  for (const [name, entry] of Object.entries(sizes.files)) {
    console.log(`    ${name.padEnd(22)} ${kb(entry.raw).padStart(9)} raw ${kb(entry.gzip).padStart(9)} gzip ${kb(entry.brotli).padStart(9)} br`);
  }
}
writeFileSync(join(root, 'dist-sizes.json'), `${JSON.stringify(report, null, 2)}\n`);
await buildServer();
await buildHelper();
