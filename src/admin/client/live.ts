/**
 * Keeps a dashboard current without reloading: polls the server-rendered dashboard fragment
 * (`data-live-url`) and swaps it in when it changed. The ETag makes an unchanged poll a 304 with
 * no body. Polling pauses while the tab is hidden. Without JavaScript the page is complete as
 * served, with a reload link.
 */
export function watchLive(root: ParentNode, intervalMs = 3000): void {
  for (const region of root.querySelectorAll<HTMLElement>('[data-live-url]')) {
    const url = region.dataset.liveUrl;
    if (!url) continue;
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
          stopped = true;
          return;
        }
        if (res.status !== 200) return;
        etag = res.headers.get('etag') ?? '';
        region.innerHTML = await res.text();
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
