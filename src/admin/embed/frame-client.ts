/**
 * The script inside the embed iframe.
 *
 * Sizing: it tells the host page its height with postMessage. The target origin is "*" because the
 * frame cannot know which site embeds it, and the height is not a secret; the host script checks
 * that messages come from Voz's origin.
 *
 * Outcomes: inside a cross-site iframe the browser does not send Voz's SameSite=Lax cookies, so the
 * pages' form posts (which need the CSRF cookie) cannot work here. The buttons therefore report
 * through the JSON API (`POST /api/v1/campaigns/:slug/actions`), which needs no cookie: it accepts
 * only `Content-Type: application/json`, which a cross-site form cannot send, and this request is
 * same-origin from the frame's own point of view. Without JavaScript the widget links to the full
 * page in a new tab instead.
 *
 * Copying: the Clipboard API needs a permission a cross-site frame does not have by default, so a
 * refused write falls back to selecting the message and copying the selection.
 */
import { mailtoUrl } from '../../web/fill.ts';

document.documentElement.classList.add('js');

function reportHeight(): void {
  if (window.parent === window) return;
  // The body's own height: the document's scrollHeight never drops below the frame's current height.
  window.parent.postMessage(
    { type: 'voz:height', height: Math.ceil(document.body.getBoundingClientRect().height) },
    '*',
  );
}

window.addEventListener('load', reportHeight);
if ('ResizeObserver' in window) new ResizeObserver(reportHeight).observe(document.body);
reportHeight();

for (const group of document.querySelectorAll<HTMLElement>('[data-report]')) {
  const status = group.querySelector<HTMLElement>('[data-report-status]');
  for (const button of group.querySelectorAll<HTMLButtonElement>('button[data-outcome]')) {
    button.addEventListener('click', async () => {
      const buttons = group.querySelectorAll<HTMLButtonElement>('button[data-outcome]');
      for (const b of buttons) b.disabled = true;
      try {
        const res = await fetch(group.dataset.report ?? '', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'omit',
          body: JSON.stringify({
            target: group.dataset.target,
            channel: button.dataset.channel ?? 'call',
            outcome: button.dataset.outcome,
            state: group.dataset.state,
            district: group.dataset.district || null,
            language: document.documentElement.lang,
          }),
        });
        if (!res.ok) throw new Error(String(res.status));
        if (status) status.textContent = group.dataset.recorded ?? '';
        button.setAttribute('aria-pressed', 'true');
      } catch {
        if (status) status.textContent = group.dataset.failed ?? '';
        for (const b of buttons) b.disabled = false;
      }
      reportHeight();
    });
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy ?? '');
    if (!(source instanceof HTMLTextAreaElement)) return;
    const say = (text: string | undefined) => {
      button.nextElementSibling?.remove();
      const status = document.createElement('span');
      status.setAttribute('role', 'status');
      status.textContent = ` ${text ?? ''}`;
      button.after(status);
    };
    try {
      await navigator.clipboard.writeText(source.value);
      say(button.dataset.copied);
    } catch {
      source.focus();
      source.select();
      say(document.execCommand('copy') ? button.dataset.copied : button.dataset.copyFailed);
    }
    reportHeight();
  });
}

// The email link carries the message as the supporter edited it (their name in place of [name]).
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-mailto-for]')) {
  const source = document.getElementById(link.dataset.mailtoFor ?? '');
  if (!(source instanceof HTMLTextAreaElement) || !source.dataset.mailto) continue;
  const address = source.dataset.mailto;
  source.addEventListener('input', () => {
    link.href = mailtoUrl(address, source.dataset.subject ?? '', source.value);
  });
}
