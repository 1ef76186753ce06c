/**
 * The script inside the embed iframe.
 *
 * Sizing: it tells the host page its height with postMessage, in two formats. Voz's own host
 * script (/embed.js) reads `{ type: 'voz:height', height }`. WordPress strips that script from
 * oEmbed HTML and resizes with its own (wp-includes/js/wp-embed.js), which reads
 * `{ message: 'height', value, secret }`, the secret being the one WordPress put in the frame's
 * URL as `#?secret=…`; it ignores messages without it. The target origin is "*" because the frame
 * cannot know which site embeds it, and the height is not a secret; each receiver checks which
 * frame a message came from.
 *
 * Sandboxes: WordPress frames sites it does not trust with `sandbox="allow-scripts"`, where a
 * form cannot be submitted and a link cannot open a new tab. The ZIP form therefore navigates
 * the frame from script. Inside such a frame the link to the full page is sent to WordPress as
 * `{ message: 'link', value, secret }`, which opens it in the top window (for links to the frame's
 * own host only, which the full page is).
 *
 * Outcomes: inside a cross-site iframe the browser does not send Voz's SameSite=Lax cookies, so the
 * pages' form posts (which need the CSRF cookie) cannot work here. The buttons therefore report
 * through the JSON API (`POST /api/v1/campaigns/:slug/actions`), which needs no cookie: it accepts
 * only `Content-Type: application/json`, and answers CORS for embeddable campaigns, because a
 * sandboxed frame's origin is "null" (embed-cors.ts). Without JavaScript the widget links to the
 * full page in a new tab instead.
 *
 * Copying: the Clipboard API needs a permission a cross-site frame does not have by default, so a
 * refused write falls back to selecting the message and copying the selection.
 */
import { mailtoUrl } from '../../web/fill.ts';

document.documentElement.classList.add('js');

/** WordPress's secret: ten letters and digits (wp_generate_password( 10, false )). */
const wordpressSecret = /[#&?]secret=([A-Za-z0-9]{10})\b/.exec(window.location.hash)?.[1] ?? null;

function tellParent(message: object): void {
  window.parent.postMessage(message, '*');
}

function reportHeight(): void {
  if (window.parent === window) return;
  // The body's own height: the document's scrollHeight never drops below the frame's current height.
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  tellParent({ type: 'voz:height', height });
  if (wordpressSecret) tellParent({ message: 'height', value: height, secret: wordpressSecret });
}

// WordPress's sandbox has no allow-forms, and a sandboxed form is dropped before its submit event
// fires, so the ZIP form is sent from script on the button's click and on Enter: a script may
// still navigate its own frame. The fragment goes along: it holds WordPress's secret.
for (const form of document.querySelectorAll<HTMLFormElement>('form[method="get"]')) {
  const go = (event: Event) => {
    event.preventDefault();
    const next = new URL(form.action);
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') next.searchParams.set(name, value);
    next.hash = window.location.hash;
    window.location.assign(next.toString());
  };
  form.addEventListener('submit', go);
  for (const button of form.querySelectorAll('button[type="submit"]')) button.addEventListener('click', go);
  for (const input of form.querySelectorAll('input')) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') go(event);
    });
  }
}

// A district chosen from a split ZIP's candidates reloads the frame; the fragment (WordPress's secret) goes along.
for (const link of document.querySelectorAll<HTMLAnchorElement>('ul.choices a')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const next = new URL(link.href);
    next.hash = window.location.hash;
    window.location.assign(next.toString());
  });
}

if (wordpressSecret && window.parent !== window) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-full-page]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      tellParent({ message: 'link', value: link.href, secret: wordpressSecret });
    });
  }
}

window.addEventListener('load', reportHeight);
if ('ResizeObserver' in window) new ResizeObserver(reportHeight).observe(document.body);
reportHeight();

// "2 of 4 contacted", as on the campaign page: a conversation or a voicemail counts, a skip does not.
const progress = document.querySelector<HTMLElement>('[data-progress]');
const contacted = new Set<string>();
function showProgress(): void {
  if (!progress) return;
  progress.textContent = (progress.dataset.progress ?? '')
    .replace('{done}', String(contacted.size))
    .replace('{total}', progress.dataset.total ?? '0');
}
showProgress();

/** What the failure was, as the page says it: too many reports, a campaign that ended, a busy server. */
function failureText(group: HTMLElement, status: number | null): string {
  const specific = status === null ? null : group.getAttribute(`data-failed-${status}`);
  return specific ?? group.dataset.failed ?? '';
}

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
        if (!res.ok) {
          if (status) status.textContent = failureText(group, res.status);
          // A campaign that ended takes no more reports: the buttons stay off.
          if (res.status !== 409) for (const b of buttons) b.disabled = false;
        } else {
          if (status) status.textContent = group.dataset.recorded ?? '';
          button.setAttribute('aria-pressed', 'true');
          const outcome = button.dataset.outcome;
          if (outcome === 'contacted' || outcome === 'voicemail') contacted.add(group.dataset.target ?? '');
          showProgress();
        }
      } catch {
        if (status) status.textContent = failureText(group, null);
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
