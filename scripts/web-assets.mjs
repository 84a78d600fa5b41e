// Static-file steps of the web app build: content-hashed names, index.html pointing at
// them, source maps moved out of the served folder, brotli + gzip copies of every file.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What the server may compress ahead (text); images and the like are served as they are. */
const COMPRESSIBLE = /\.(js|css|html|txt|json|svg|map)$/;

/** Renames a file to name-HASH.ext (8 characters of its SHA-256, like esbuild's [hash]); returns the new name. */
export function hashName(dir, name) {
  const hash = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex').slice(0, 8).toUpperCase();
  const hashed = `${basename(name, extname(name))}-${hash}${extname(name)}`;
  renameSync(join(dir, name), join(dir, hashed));
  return hashed;
}

/** Points index.html's src/href attributes at the hashed names ({ 'app.js': 'app-XXXX.js', ... }). */
export function rewriteIndex(dir, renames) {
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  for (const [from, to] of Object.entries(renames)) {
    const attribute = new RegExp(`((?:src|href)=")${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(")`, 'g');
    if (!attribute.test(html)) throw new Error(`${file} does not reference ${from}`);
    html = html.replace(attribute, `$1${to}$2`);
  }
  writeFileSync(file, html);
}

/** Moves *.map files to mapsDir: kept for debugging, never served. */
export function moveSourceMaps(dir, mapsDir) {
  mkdirSync(mapsDir, { recursive: true });
  for (const name of readdirSync(dir)) if (name.endsWith('.map')) renameSync(join(dir, name), join(mapsDir, name));
}

/** Writes name.br and name.gz next to every compressible file (served with preCompressed). */
export function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || !COMPRESSIBLE.test(name)) continue;
    const bytes = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
