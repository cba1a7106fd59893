// `npm run size`: the gzip size of what a partner site loads (the element bundle) and of the script
// the backend's OAuth callback page loads, with where the element bundle's bytes come from (from its
// source map). With --check, fails when either file is over its budget. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const budgets = [
  { file: 'dist/cma-register-app.js', kb: 24, parts: true },
  { file: 'dist/oauth-callback.js', kb: 2 },
];

/** Which part of the widget a source file belongs to. */
const PARTS = [
  ['lit', /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//],
  ['descriptor + validator', /src\/descriptor\//],
  ['engine', /src\/flow\//],
  ['api client + polling', /src\/api\/|src\/errors\.ts/],
  ['oauth', /src\/oauth\//],
  ['strings', /src\/i18n\//],
  ['styles', /\.styles\.ts$/],
  ['elements + controllers + events', /src\//],
];

const gz = text => gzipSync(text, { level: 9 }).length / 1024;

/** The bundle's characters, grouped by part through the source map. */
function breakdown(code, map) {
  const lines = code.split('\n');
  const mappings = [];
  new SourceMapConsumer(map).eachMapping(m => mappings.push(m));
  const byPart = new Map();
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const line = lines[m.generatedLine - 1];
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    const part = PARTS.find(([, test]) => test.test(m.source ?? ''))?.[0] ?? 'other';
    byPart.set(part, (byPart.get(part) ?? '') + line.slice(m.generatedColumn, end));
  });
  return [...byPart].map(([part, text]) => ({ part, kb: text.length / 1024, gzip: gz(text) })).sort((a, b) => b.kb - a.kb);
}

let over = false;
for (const { file, kb: budget, parts } of budgets) {
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    console.error(`${file} is missing: run npm run build first`);
    process.exit(1);
  }
  // what the file must load before it runs (static imports of sibling chunks) counts with it;
  // what it loads on demand (`import("./nb-….js")`: another language's strings) is listed apart
  const dir = dirname(file);
  const chunks = kind => [...source.matchAll(kind === 'static' ? /(?:^|[;}])\s*import\s*(?:[^"'`()]*?from\s*)?["'`]\.\/([^"'`]+)["'`]/g : /\bimport\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g)].map(m => join(dir, m[1]));
  const first = chunks('static');
  const kb = gz(source) + first.reduce((sum, f) => sum + gz(readFileSync(f, 'utf8')), 0);
  over ||= kb > budget;
  const verdict = kb <= budget ? 'within' : 'OVER';
  const plus = first.length ? ` with ${first.join(', ')}` : '';
  console.log(`${file}${plus}: ${(source.length / 1024).toFixed(1)} KB minified, ${kb.toFixed(2)} KB gzip (${verdict} the ${budget} KB budget)`);
  for (const lazy of new Set(chunks('dynamic'))) {
    console.log(`  on demand: ${lazy}: ${gz(readFileSync(lazy, 'utf8')).toFixed(2)} KB gzip`);
  }
  if (parts && !process.argv.includes('--check')) {
    // each part gzipped alone: the parts add up to more than the whole, which compresses across them
    for (const p of breakdown(source, JSON.parse(readFileSync(`${file}.map`, 'utf8')))) {
      console.log(`  ${p.part.padEnd(34)} ${p.kb.toFixed(1).padStart(5)} KB minified ${p.gzip.toFixed(2).padStart(5)} KB gzip alone`);
    }
  }
}
if (process.argv.includes('--check') && over) process.exit(1);
