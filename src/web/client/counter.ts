import { countAttempts } from '../attempts.ts';
import type { ClientConfig } from '../client-config.ts';
import { format } from './format.ts';

export interface Counter {
  refresh(): Promise<void>;
  /** Shows one more action at once, before the server's cached totals catch up. */
  bump(): void;
}

const POLL_MS = 15_000;

/** The live campaign counter of attempts (attempts.ts): polls the public counts endpoint while the page is visible. */
export function initCounter(config: ClientConfig): Counter {
  const el = document.getElementById('counter');
  // Created on first use: building a number format at load costs time the page does not need yet.
  let numbers: Intl.NumberFormat | null = null;
  const show = (total: number) => {
    if (!el) return;
    // Totals only grow; a briefly cached answer must not make the number go back.
    const shown = Math.max(total, Number(el.dataset.count ?? 0) || 0);
    numbers ??= new Intl.NumberFormat(config.lang === 'es' ? 'es-US' : 'en-US');
    el.textContent = format(config.strings.counter, { count: numbers.format(shown) });
    el.dataset.count = String(shown);
  };
  const refresh = async () => {
    if (!el || !config.countsUrl) return;
    try {
      const res = await fetch(config.countsUrl, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (!res.ok) return;
      const body = (await res.json()) as { byOutcome?: unknown };
      if (typeof body.byOutcome === 'object' && body.byOutcome !== null) {
        show(countAttempts(body.byOutcome as Record<string, unknown>));
      }
    } catch {
      // Offline for a moment: keep the last number shown.
    }
  };
  const bump = () => show((Number(el?.dataset.count ?? 0) || 0) + 1);
  if (el && config.countsUrl) {
    setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
  }
  return { refresh, bump };
}
