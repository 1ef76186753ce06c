import type { ClientConfig } from '../client-config.ts';
import { format } from './format.ts';

export interface Counter {
  refresh(): Promise<void>;
}

const POLL_MS = 15_000;

/** The live campaign counter: polls the public counts endpoint while the page is visible. */
export function initCounter(config: ClientConfig): Counter {
  const el = document.getElementById('counter');
  const numbers = new Intl.NumberFormat(config.lang === 'es' ? 'es-US' : 'en-US');
  const refresh = async () => {
    if (!el || !config.countsUrl) return;
    try {
      const res = await fetch(config.countsUrl, { headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const body = (await res.json()) as { total?: unknown };
      if (typeof body.total === 'number') {
        el.textContent = format(config.strings.counter, { count: numbers.format(body.total) });
        el.dataset.count = String(body.total);
      }
    } catch {
      // Offline for a moment: keep the last number shown.
    }
  };
  if (el && config.countsUrl) {
    setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
  }
  return { refresh };
}
