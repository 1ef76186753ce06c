/**
 * A supporter's input quoted back in an error message: trimmed, without control characters, and
 * short, so a message stays one readable line whatever was sent.
 */
export function echo(value: string, max = 40): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = value.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
