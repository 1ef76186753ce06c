import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type JsonPosition, jsonElementPositions, jsonErrorOffset } from './json-lines.ts';
import type { Problems } from './problems.ts';

/** Reads a data file as text; a missing or unreadable file is a fatal problem. */
export async function readText(dataDir: string, file: string, problems: Problems): Promise<string | null> {
  try {
    return await readFile(path.join(dataDir, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.add(
      file,
      null,
      code === 'ENOENT' ? 'file is missing' : `cannot be read (${code ?? String(err)})`,
      'fatal',
    );
    return null;
  }
}

/** Parses JSON, reporting a syntax error with its line. */
export function parseJson(text: string, file: string, problems: Problems): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const line = offset === null ? null : lineAt(text, offset);
    const near = offset === null ? '' : `: unexpected ${JSON.stringify(text.slice(offset, offset + 12))}`;
    problems.add(
      file,
      line,
      `not valid JSON${near || `: ${err instanceof Error ? err.message : String(err)}`}`,
      'fatal',
    );
    return undefined;
  }
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A top-level JSON array, with where each element starts, for error messages. */
export async function readJsonArray(
  dataDir: string,
  file: string,
  problems: Problems,
): Promise<{ items: unknown[]; positions: JsonPosition[]; text: string } | null> {
  const text = await readText(dataDir, file, problems);
  if (text === null) return null;
  const value = parseJson(text, file, problems);
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    problems.add(file, 1, 'expected a JSON array', 'fatal');
    return null;
  }
  return { items: value, positions: jsonElementPositions(text), text };
}
