/** Fills `{slot}`s in a UI string from the page's catalogue. */
export const format = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in vars ? String(vars[name]) : slot));

/** Tells screen readers (and everyone else) what just happened, in the shared live region. */
export function announce(text: string): void {
  const region = document.getElementById('status');
  if (region) region.textContent = text;
}
