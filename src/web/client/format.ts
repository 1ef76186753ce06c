/** Fills `{slot}`s in a UI string from the page's catalogue. */
export const format = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in vars ? String(vars[name]) : slot));

/** Tells screen readers (and everyone else) what just happened, in the shared live region. */
export function announce(text: string): void {
  const region = document.getElementById('status');
  if (region) region.textContent = text;
}

/**
 * Says something next to the control it is about, visibly (a sighted user watching the button
 * sees it), and through the page's live region for screen readers. One message per control:
 * the next replaces it.
 */
export function say(control: HTMLElement, text: string, kind: 'info' | 'problem' = 'info'): void {
  const id = `${control.id || control.dataset.copy || 'control'}-feedback`;
  let note = document.getElementById(id);
  if (!note) {
    note = document.createElement('p');
    note.id = id;
    control.insertAdjacentElement('afterend', note);
  }
  note.className = kind === 'problem' ? 'feedback notice' : 'feedback';
  note.textContent = text;
  announce(text);
}
