/**
 * JSON.parse gives no positions, so these scanners find where things are, to report `file:line`.
 * They assume the text is valid JSON (parse it first), except `jsonErrorOffset`.
 */

/** Where a value starts: its 1-based line and its offset in the text. */
export interface JsonPosition {
  line: number;
  offset: number;
}

interface Found extends JsonPosition {
  key: string | null;
}

/**
 * Where each element of one array (or each member of one object) starts. `path` names the
 * container: [] for the top-level value, ['features'] for the top-level object's `features` member.
 */
export function jsonElementPositions(text: string, path: readonly string[] = []): JsonPosition[] {
  return scan(text, path).map(({ line, offset }) => ({ line, offset }));
}

/** The 1-based line on which each element of one array (or each member of one object) starts. */
export function jsonElementLines(text: string, path: readonly string[] = []): number[] {
  return scan(text, path).map((f) => f.line);
}

/** For an object: the line of each member's key. (Object.entries reorders integer-like keys.) */
export function jsonKeyLines(text: string, path: readonly string[] = []): Map<string, number> {
  return new Map(scan(text, path).map((f) => [f.key ?? '', f.line]));
}

/** For an object: where each member's key starts. */
export function jsonKeyPositions(text: string, path: readonly string[] = []): Map<string, JsonPosition> {
  return new Map(scan(text, path).map(({ key, line, offset }) => [key ?? '', { line, offset }]));
}

/**
 * The line of the value at `path` below the value starting at `from` (a key's position reads as
 * its member's value), or null when the path is not there. Only the one record is scanned, so
 * reporting a bad field costs no more than reading its record.
 */
export function jsonLineOf(text: string, from: JsonPosition, path: readonly PropertyKey[]): number | null {
  let i = from.offset;
  if (text[i] === '"') {
    // A member's key: step over it and its colon to the value.
    i = skipString(text, i);
    i = skipSpace(text, i);
    if (text[i] !== ':') return null;
    i = skipSpace(text, i + 1);
  }
  i = skipSpace(text, i);
  for (const segment of path) {
    const open = text[i];
    if (open !== '{' && open !== '[') return null;
    i = skipSpace(text, i + 1);
    let index = 0;
    for (;;) {
      if (text[i] === '}' || text[i] === ']' || i >= text.length) return null;
      let matches: boolean;
      if (open === '{') {
        const end = skipString(text, i);
        matches = JSON.parse(text.slice(i, end)) === String(segment);
        i = skipSpace(text, end);
        if (text[i] !== ':') return null;
        i = skipSpace(text, i + 1);
      } else matches = index === Number(segment);
      if (matches) break;
      i = skipSpace(text, skipValue(text, i));
      if (text[i] === ',') i = skipSpace(text, i + 1);
      index++;
    }
  }
  let line = from.line;
  for (let k = from.offset; k < i; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

const skipSpace = (text: string, i: number): number => {
  while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  return i;
};

/** From an opening quote to just past its closing quote. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
  return j + 1;
}

/** From the start of any value to just past its end. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== '{' && c !== '[') {
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const d = text[i];
    if (d === '"') i = skipString(text, i) - 1;
    else if (d === '{' || d === '[') depth++;
    else if (d === '}' || d === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return i;
}

function scan(text: string, path: readonly string[]): Found[] {
  const found: Found[] = [];
  let line = 1;
  const stack: { onPath: boolean; isObject: boolean; expectKey: boolean; key: string | null }[] = [];
  let pendingValue = true;
  const targetDepth = path.length + 1;
  const recordValue = (top: (typeof stack)[number] | undefined, offset: number) => {
    if (top && !top.isObject && top.onPath && stack.length === targetDepth) found.push({ line, offset, key: null });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    const top = stack[stack.length - 1];
    if (c === 44 /* , */) {
      if (top?.isObject) top.expectKey = true;
      pendingValue = top ? !top.isObject : false;
      continue;
    }
    if (c === 58 /* : */) {
      pendingValue = true;
      continue;
    }
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (top?.isObject && top.expectKey) {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        top.expectKey = false;
        if (top.onPath && stack.length === targetDepth) found.push({ line, offset: i, key: top.key });
      } else if (pendingValue) recordValue(top, i);
      pendingValue = false;
      i = j;
      continue;
    }
    if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      pendingValue = false;
      continue;
    }
    if (pendingValue) recordValue(top, i);
    pendingValue = false;
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const depth = stack.length;
      const onPath =
        depth === 0 || (top?.onPath === true && top.isObject && depth <= path.length && top.key === path[depth - 1]);
      const isObject = c === 123;
      stack.push({ onPath, isObject, expectKey: isObject, key: null });
      pendingValue = !isObject;
      continue;
    }
    // A number, true, false or null: skip to its end.
    while (i + 1 < text.length && /[^\s,\]}]/.test(text[i + 1]!)) i++;
  }
  return found;
}

/**
 * The offset of the first syntax error in `text`, or null if it is valid JSON. Node's JSON.parse
 * messages do not always carry a position, and a line number is what a person fixing a file needs.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (!m) fail();
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (offset) {
    return offset as number;
  }
}
