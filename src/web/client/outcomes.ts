import { isAttempt } from '../attempts.ts';
import type { ClientConfig } from '../client-config.ts';
import { formatReported, parseReported } from '../reported.ts';
import type { Counter } from './counter.ts';
import { announce, format } from './format.ts';

const CONTACTED = new Set(['contacted', 'voicemail']);

/** What to tell the supporter when the report was not recorded, by the API's status (actions/routes.ts). */
function refusal(config: ClientConfig, status: number | null): string {
  if (status === 429) return config.strings.rateLimited;
  if (status === 409) return config.strings.closed;
  if (status === 503) return config.strings.busy;
  return config.strings.failed;
}

/**
 * Outcome buttons without leaving the page: the same choice the no-JS form posts, sent to the
 * JSON API; the card then shows what was recorded and the progress line moves on. What was
 * reported goes into the page's own `r=` (as the no-JS flow's links carry it), so a reload or a
 * later form keeps the progress.
 */
export function initOutcomes(config: ClientConfig, counter: Counter): void {
  const progress = document.getElementById('progress');
  const forms = document.querySelectorAll<HTMLFormElement>('form.outcome');
  if (!config.actionsUrl || forms.length === 0) return;
  const total = Number(progress?.dataset.total ?? forms.length);
  const contacted = new Set((progress?.dataset.done ?? '').split(' ').filter(Boolean));
  const reported = parseReported(new URL(location.href).searchParams.get('r'));

  const remember = (target: string, outcome: string) => {
    const known = parseReported(`${target}~${outcome}`);
    for (const [id, value] of known) reported.set(id, value);
    const value = formatReported(reported);
    const url = new URL(location.href);
    url.searchParams.set('r', value);
    history.replaceState(history.state, '', url);
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name="r"]')) input.value = value;
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-carry-r]')) {
      const href = new URL(link.href);
      href.searchParams.set('r', value);
      link.href = href.href;
    }
  };

  for (const form of forms) {
    const status = form.querySelector<HTMLElement>('.reported');
    form.addEventListener('submit', async (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      const [outcome, channel] = (submitter?.value ?? '').split('.');
      const target = form.dataset.target;
      if (!outcome || !channel || !target) return; // let the form post normally
      event.preventDefault();
      const buttons = form.querySelectorAll('button');
      for (const b of buttons) b.disabled = true;
      let message: string;
      let ok = false;
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
        if (!res.ok) throw res.status;
        const answer = (await res.json()) as { counted?: boolean };
        ok = true;
        message = config.strings.saved[outcome] ?? '';
        if (CONTACTED.has(outcome)) contacted.add(target);
        if (progress) progress.textContent = format(config.strings.progress, { done: contacted.size, total });
        remember(target, outcome);
        if (answer.counted && isAttempt(outcome)) counter.bump();
      } catch (err) {
        message = refusal(config, typeof err === 'number' ? err : null);
      } finally {
        for (const b of buttons) b.disabled = false;
      }
      if (status) {
        status.textContent = message;
        status.hidden = false;
        status.classList.toggle('error', !ok);
        // Disabled buttons drop the focus to the page: it goes to what just happened instead.
        status.focus();
      }
      announce(ok ? `${message} ${progress?.textContent ?? ''}` : message);
    });
  }
}
