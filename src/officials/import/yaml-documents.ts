import yaml from 'js-yaml';

export interface YamlDocument {
  /** 1-based line of the document's first line in the file. */
  line: number;
  value: unknown;
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
    const body = lines.slice(start, end).join('\n');
    if (body.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(body)) return;
    try {
      const value = yaml.load(body, { schema: yaml.CORE_SCHEMA, json: true });
      if (value !== null && value !== undefined) docs.push({ line: start + 1, value });
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
