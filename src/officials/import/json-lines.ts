/**
 * JSON.parse gives no positions, so this scanner finds the 1-based line on which each element of
 * one array (or each member of one object) starts, to report `file:line` for a bad element.
 * `path` names the container: [] for the top-level value, ['features'] for the top-level object's
 * `features` member. It assumes the text is valid JSON (parse it first).
 */
export function jsonElementLines(text: string, path: readonly string[] = []): number[] {
  const lines: number[] = [];
  let line = 1;
  // Per open container: whether it is on the path, and whether the next token starts a value.
  const stack: { onPath: boolean; isObject: boolean; expectKey: boolean; key: string | null }[] = [];
  let pendingValue = true;
  const targetDepth = path.length + 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 44 /* , */ || c === 58 /* : */) {
      if (c === 44) {
        const top = stack[stack.length - 1];
        if (top?.isObject) top.expectKey = true;
        pendingValue = top ? !top.isObject : false;
      } else if (c === 58) pendingValue = true;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (top?.isObject && top.expectKey) {
        top.key = text.slice(i + 1, j);
        top.expectKey = false;
        if (top.onPath && stack.length === targetDepth) lines.push(line);
      } else if (pendingValue) recordValue(top);
      pendingValue = false;
      i = j;
      continue;
    }
    if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      pendingValue = false;
      continue;
    }
    if (pendingValue) recordValue(top);
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
  return lines;

  function recordValue(top: (typeof stack)[number] | undefined): void {
    if (top && !top.isObject && top.onPath && stack.length === targetDepth) lines.push(line);
  }
}
