import type { ClientConfig } from '../client-config.ts';
import type { Counter } from './counter.ts';
import { announce, format } from './format.ts';

const COUNTED = new Set(['contacted', 'voicemail']);

/**
 * Outcome buttons without leaving the page: the same choice the no-JS form posts, sent to the
 * JSON API; the card then shows what was recorded and the progress line moves on.
 */
export function initOutcomes(config: ClientConfig, counter: Counter): void {
  const progress = document.getElementById('progress');
  const forms = document.querySelectorAll<HTMLFormElement>('form.outcome');
  if (!config.actionsUrl || forms.length === 0) return;
  const total = Number(progress?.dataset.total ?? forms.length);
  const contacted = new Set((progress?.dataset.done ?? '').split(' ').filter(Boolean));

  for (const form of forms) {
    form.addEventListener('submit', async (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      const [outcome, channel] = (submitter?.value ?? '').split('.');
      const target = form.dataset.target;
      if (!outcome || !channel || !target) return; // let the form post normally
      event.preventDefault();
      const buttons = form.querySelectorAll('button');
      for (const b of buttons) b.disabled = true;
      try {
        const res = await fetch(config.actionsUrl as string, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({
            target,
            channel,
            outcome,
            state: form.dataset.state || null,
            district: form.dataset.district || null,
            language: config.lang,
          }),
        });
        if (!res.ok) throw new Error(String(res.status));
        const answer = (await res.json()) as { counted?: boolean };
        const status = form.querySelector<HTMLElement>('.reported');
        const saved = config.strings.saved[outcome] ?? '';
        if (status) {
          status.textContent = saved;
          status.hidden = false;
        }
        if (COUNTED.has(outcome)) contacted.add(target);
        if (progress) progress.textContent = format(config.strings.progress, { done: contacted.size, total });
        announce(`${saved} ${progress?.textContent ?? ''}`);
        if (answer.counted) counter.bump();
      } catch {
        announce(config.strings.failed);
      } finally {
        for (const b of buttons) b.disabled = false;
      }
    });
  }
}
