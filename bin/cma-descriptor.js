#!/usr/bin/env node
// cma-descriptor: checks vendor descriptors the way <cma-register-app> does, for authors and their CI.
//
//   npx cma-descriptor check vendors/*.json          every problem, by file and JSON path; exit 1 if any
//   npx cma-descriptor check --files vendors/*.json  also: a relative logo or image is a file beside it
//
// Besides the widget's own validator: the method says what the steps do (oauth2 ⇔ an oauth submit),
// the id is the file's name (the widget loads {descriptor-base}/{vendor}.json and refuses another id),
// and the file is JSON at all.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: cma-descriptor check [--files] <descriptor.json>…';
const [command, ...args] = process.argv.slice(2);
const files = args.filter(a => !a.startsWith('--'));
const flags = args.filter(a => a.startsWith('--'));
if (command !== 'check' || !files.length || flags.some(f => f !== '--files')) {
  console.error(USAGE);
  process.exit(2);
}

let checker;
try {
  checker = await import(new URL('../dist/descriptor-check.js', import.meta.url).href);
} catch {
  console.error(`cma-descriptor: ${fileURLToPath(new URL('../dist/descriptor-check.js', import.meta.url))} is missing (run npm run build)`);
  process.exit(2);
}

/** Relative URLs of a descriptor's logo and instruction images, with their JSON paths. */
function images(d) {
  const found = [];
  if (typeof d.logo === 'string') found.push(['logo', d.logo]);
  const ways = Array.isArray(d.ways) ? d.ways.map((w, i) => [`ways[${i}].`, w.steps]) : [['', d.steps]];
  for (const [prefix, steps] of ways) {
    steps?.forEach((step, i) =>
      step.instructions?.forEach((ins, j) => {
        if (typeof ins.image?.src === 'string') found.push([`${prefix}steps[${i}].instructions[${j}].image.src`, ins.image.src]);
      }),
    );
  }
  return found.filter(([, url]) => !/^[a-z][a-z0-9+.-]*:/i.test(url));
}

let problems = 0;
for (const file of files) {
  const report = (path, message) => {
    problems++;
    console.log(`${file}: ${path}: ${message}`);
  };
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    report('(root)', e.code === 'ENOENT' ? 'no such file' : `not JSON (${e.message})`);
    continue;
  }
  const found = checker.checkDescriptor(json);
  for (const p of found) report(p.path, p.message);
  if (found.length) continue;
  const name = basename(file).replace(/\.json$/i, '');
  if (json.id !== name) report('id', `"${json.id}" is not the file's name ("${basename(file)}"): the widget loads {descriptor-base}/{vendor}.json and refuses another id`);
  if (flags.includes('--files')) {
    for (const [path, url] of images(json)) {
      const local = resolve(dirname(file), decodeURIComponent(url.split(/[?#]/)[0]));
      if (!existsSync(local)) report(path, `"${url}" is not a file beside the descriptor (${local})`);
    }
  }
}
console.log(`cma-descriptor: ${files.length} file${files.length === 1 ? '' : 's'} checked, ${problems} problem${problems === 1 ? '' : 's'}`);
process.exit(problems ? 1 : 0);
