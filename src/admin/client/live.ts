/**
 * Keeps a dashboard current without reloading: polls the server-rendered dashboard fragment
 * (`data-live-url`) and swaps it in when it changed. The ETag makes an unchanged poll a 304 with
 * no body. Polling pauses while the tab is hidden. Without JavaScript the page is complete as
 * served, with a reload link.
 *
 * A swap must not undo what the organizer was doing: tables they opened (`<details>`) stay open
 * and the control they were on keeps focus. The new total is announced through a polite live
 * region (WCAG 2.2 SC 4.1.3, status messages) once per change, rather than making the whole
 * region live, which would read every chart aloud.
 */
export function watchLive(root: ParentNode, intervalMs = 3000): void {
  for (const region of root.querySelectorAll<HTMLElement>('[data-live-url]')) {
    const url = region.dataset.liveUrl;
    if (!url) continue;
    const status = document.getElementById(region.dataset.liveStatus ?? '');
    const note = document.getElementById(region.dataset.liveNote ?? '');
    let etag = region.dataset.liveEtag ?? '';
    let stopped = false;
    const poll = async () => {
      if (stopped || document.hidden) return;
      try {
        const res = await fetch(url, {
          headers: { 'x-requested-with': 'fetch', ...(etag ? { 'if-none-match': etag } : {}) },
          credentials: 'same-origin',
        });
        if (res.status === 401 || res.status === 403) {
          // Signed out (the session ended or went idle): say so where it shows, and stop asking.
          stopped = true;
          const message = note?.dataset.stopped ?? '';
          if (note) note.textContent = message;
          if (status) status.textContent = message;
          return;
        }
        if (res.status !== 200) return;
        etag = res.headers.get('etag') ?? '';
        const before = totalOf(region);
        swapKeepingState(region, await res.text());
        const after = totalOf(region);
        if (status && after !== before) status.textContent = after;
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    };
    setInterval(poll, intervalMs);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) void poll();
    });
  }
}

const totalOf = (region: HTMLElement): string => region.querySelector('[data-live-summary]')?.textContent?.trim() ?? '';

/** Replaces the region's content, then reopens the same `<details>` and refocuses the same element. */
export function swapKeepingState(region: HTMLElement, html: string): void {
  const open = new Set(
    [...region.querySelectorAll<HTMLDetailsElement>('details[id]')].filter((d) => d.open).map((d) => d.id),
  );
  const focused =
    document.activeElement instanceof HTMLElement && region.contains(document.activeElement)
      ? focusPath(region, document.activeElement)
      : null;
  region.innerHTML = html;
  for (const id of open) {
    const details = document.getElementById(id);
    if (details instanceof HTMLDetailsElement) details.open = true;
  }
  if (focused) elementAt(region, focused)?.focus({ preventScroll: true });
}

/** Where an element is: the id of its nearest ancestor with one, and its index among that ancestor's focusables. */
interface FocusPath {
  anchor: string;
  index: number;
}

const FOCUSABLE = 'a[href], button, summary, input, select, textarea, [tabindex]';

function focusPath(region: HTMLElement, element: HTMLElement): FocusPath | null {
  const anchor = element.closest<HTMLElement>('[id]');
  if (!anchor || !region.contains(anchor)) return null;
  return { anchor: anchor.id, index: [...anchor.querySelectorAll(FOCUSABLE)].indexOf(element) };
}

function elementAt(region: HTMLElement, path: FocusPath): HTMLElement | null {
  const anchor = region.querySelector<HTMLElement>(`#${CSS.escape(path.anchor)}`);
  if (!anchor) return null;
  if (path.index < 0) return anchor;
  return anchor.querySelectorAll<HTMLElement>(FOCUSABLE)[path.index] ?? null;
}
