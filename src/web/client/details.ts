import { parseTemplate, renderTemplate } from '../../campaigns/templates.ts';
import type { ClientConfig } from '../client-config.ts';
import { DETAIL_FIELDS, type DetailField, mailtoUrl, type SupporterDetails, templateValues } from '../fill.ts';
import { announce } from './format.ts';

const STORAGE_KEY = 'voz.details';

function readStored(): Partial<SupporterDetails> | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Partial<SupporterDetails>) : null;
  } catch {
    return null; // storage disabled or corrupt: behave as if nothing was remembered
  }
}

/**
 * Live filling of every script and message as the supporter types, and the opt-in "remember on
 * this device" (localStorage only; nothing leaves the browser).
 */
export function initDetails(config: ClientConfig): void {
  const form = document.getElementById('details') as HTMLFormElement | null;
  if (!form) return;
  const input = (field: DetailField) => form.elements.namedItem(field) as HTMLInputElement | null;
  const remember = document.getElementById('remember') as HTMLInputElement | null;
  const forget = document.getElementById('forget');
  const zip = form.dataset.zip || null;
  const templates = new Map<HTMLElement, ReturnType<typeof parseTemplate>>();

  const current = (): SupporterDetails => {
    const d: SupporterDetails = { name: '', role: '', organization: '', community: '', city: '' };
    for (const field of DETAIL_FIELDS) d[field] = input(field)?.value ?? '';
    return d;
  };

  const render = () => {
    const details = current();
    for (const el of document.querySelectorAll<HTMLElement>('[data-template]')) {
      let parsed = templates.get(el);
      if (!parsed) {
        parsed = parseTemplate(el.dataset.template ?? '');
        templates.set(el, parsed);
      }
      if (!parsed.ok) continue; // the server's text stays as it is
      const official = el.dataset.official ? { official: el.dataset.official, office: el.dataset.office } : null;
      el.textContent = renderTemplate(parsed.template, templateValues(details, zip, official));
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-mailto]')) {
      const source = document.getElementById(link.dataset.source ?? '');
      link.href = mailtoUrl(link.dataset.mailto ?? '', link.dataset.subject ?? '', source?.textContent ?? '');
    }
    if (remember?.checked) {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(details));
      } catch {
        // Private browsing may refuse storage; the page works the same without it.
      }
    }
  };

  // The server already rendered the texts; only remembered details need a render at load.
  const stored = readStored();
  if (stored) {
    for (const field of DETAIL_FIELDS) {
      const el = input(field);
      if (el && !el.value && typeof stored[field] === 'string') el.value = stored[field].slice(0, el.maxLength || 200);
    }
    if (remember) remember.checked = true;
    render();
  }
  form.addEventListener('input', render);
  // The page promises these details stay on the device: Enter in a field would otherwise submit
  // the form (HTML's implicit submission) and post them. Only "Forget" of cookie-kept details posts.
  form.addEventListener('submit', (event) => {
    if (event.submitter === forget && form.dataset.kept === '1') return;
    event.preventDefault();
  });
  remember?.addEventListener('change', () => {
    if (!remember.checked) localStorage.removeItem(STORAGE_KEY);
    render();
  });
  forget?.addEventListener('click', (event) => {
    // Details kept by the no-JS flow live in an HttpOnly cookie: the form's post deletes it.
    if (form.dataset.kept !== '1') event.preventDefault();
    localStorage.removeItem(STORAGE_KEY);
    for (const field of DETAIL_FIELDS) {
      const el = input(field);
      if (el) el.value = '';
    }
    if (remember) remember.checked = false;
    render();
    announce(config.strings.forgotten);
  });
}
