import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Figure, formatTable, meetsGoal, type Section } from './harness.ts';

/**
 * `npm run bench [-- section…]`: runs every section in bench/sections/ (or the named ones) and
 * prints one table of figures with pass/fail against their goals. Adding a section is adding a file
 * there that exports `section: Section`. Results are also written to bench/results/ (git-ignored).
 * Exits 1 when a goal is missed or a section fails.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const sectionsDir = path.join(here, 'sections');

async function loadSections(): Promise<Section[]> {
  const files = readdirSync(sectionsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const sections: Section[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(sectionsDir, file)).href)) as { section?: Section };
    if (!mod.section) throw new Error(`bench/sections/${file} does not export \`section\``);
    sections.push(mod.section);
  }
  return sections;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = await loadSections();
  const unknown = wanted.filter((w) => !all.some((s) => s.name === w));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown section ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const sections = wanted.length > 0 ? all.filter((s) => wanted.includes(s.name)) : all;
  const results: Array<{ section: string; figure: Figure }> = [];
  let failed = false;
  for (const section of sections) {
    const started = performance.now();
    process.stderr.write(`bench: ${section.name}…\n`);
    try {
      for (const figure of await section.run()) results.push({ section: section.name, figure });
    } catch (err) {
      failed = true;
      process.stderr.write(
        `bench: ${section.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    }
    process.stderr.write(`bench: ${section.name} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.stdout.write(`${formatTable(results)}\n`);
  const resultsDir = path.join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  if (results.some((r) => meetsGoal(r.figure) === false)) failed = true;
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
