import yaml from 'js-yaml';

export interface YamlDocument {
  /** 1-based line of the document's first line in the file. */
  line: number;
  value: unknown;
  /** The document's own lines, to find where a field is (yamlLineOf). */
  lines: string[];
}

/**
 * Splits a multi-document YAML stream at its `---` markers and parses each document on its own, so a
 * broken document is reported with its line and the others still load. The core schema keeps
 * unquoted dates such as `2022-12-05` as strings, the way the quoted ones already are.
 */
export function parseYamlDocuments(text: string, onError: (line: number, message: string) => void): YamlDocument[] {
  const docs: YamlDocument[] = [];
  const lines = text.split('\n');
  let start = 0;
  const flush = (end: number) => {
    const own = lines.slice(start, end);
    const body = own.join('\n');
    if (body.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(body)) return;
    try {
      const value = yaml.load(body, { schema: yaml.CORE_SCHEMA, json: true });
      if (value !== null && value !== undefined) docs.push({ line: start + 1, value, lines: own });
    } catch (err) {
      if (err instanceof yaml.YAMLException) {
        onError(start + 1 + (err.mark?.line ?? 0), `not valid YAML: ${err.reason}`);
      } else throw err;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    if (/^---(\s|$)/.test(lines[i]!)) {
      flush(i);
      start = i + 1;
    } else if (/^\.\.\.\s*$/.test(lines[i]!)) {
      flush(i);
      start = i + 1;
    }
  }
  flush(lines.length);
  return docs;
}

/**
 * The file line of the value at `path` (zod's issue path) in a block-style document, the layout
 * Open States writes: `key:` at one indentation, sequence items as `- ` at the same or a deeper
 * one. Null when the path cannot be followed that way (a flow-style value, say): the caller then
 * reports the document's first line.
 */
export function yamlLineOf(doc: YamlDocument, path: readonly PropertyKey[]): number | null {
  const rows = doc.lines.map(rowOf);
  let from = 0;
  let to = rows.length;
  let found: number | null = null;
  for (const segment of path) {
    const head = rows.slice(from, to).find((r) => r !== null);
    if (!head) return null;
    let at = -1;
    if (typeof segment === 'number') {
      const dash = head.dash;
      if (dash === null) return null;
      let index = -1;
      for (let k = from; k < to && at === -1; k++) if (rows[k]?.dash === dash && ++index === segment) at = k;
      if (at === -1) return null;
      // The item runs to the next item, or to a line no deeper than its dash.
      let end = at + 1;
      while (end < to && (rows[end] === null || (rows[end]!.dash !== dash && rows[end]!.column > dash))) end++;
      // The item's first key shares the dash line, so the item's block starts there.
      from = at;
      to = end;
    } else {
      const column = head.column;
      for (let k = from; k < to && at === -1; k++) {
        const r = rows[k];
        if (r?.column === column && isKeyOf(r.text, String(segment))) at = k;
      }
      if (at === -1) return null;
      // The value's block: the lines after the key that are indented deeper than the key. (A
      // sequence written `roles:` then `- …` at the key's own indentation is deeper too: its
      // content starts after the dash.)
      let end = at + 1;
      while (end < to && (rows[end] === null || rows[end]!.column > column)) end++;
      from = at + 1;
      to = end;
    }
    found = at;
  }
  return found === null ? null : doc.line + found;
}

interface Row {
  /** Column where the content starts, after any `- `. */
  column: number;
  /** Column of a leading `- `, or null. */
  dash: number | null;
  text: string;
}

/** Null for blank and comment lines, which belong to no block. */
function rowOf(line: string): Row | null {
  const m = /^( *)(-(?: +|$))?(.*?)\s*$/.exec(line)!;
  const indent = m[1]!.length;
  const text = m[3]!;
  if (!m[2] && (text === '' || text.startsWith('#'))) return null;
  return { column: indent + (m[2] ? Math.max(2, m[2].length) : 0), dash: m[2] ? indent : null, text };
}

function isKeyOf(text: string, key: string): boolean {
  for (const written of [key, `"${key}"`, `'${key}'`]) {
    if (text.startsWith(`${written}:`) && (text.length === written.length + 1 || text[written.length + 1] === ' ')) {
      return true;
    }
  }
  return false;
}
