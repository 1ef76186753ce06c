import type { ClientConfig } from '../client-config.ts';
import { initCopy } from './copy.ts';
import { initCounter } from './counter.ts';
import { initDetails } from './details.ts';
import { initLocate } from './locate.ts';
import { initOutcomes } from './outcomes.ts';

/** Progressive enhancement: every feature here has a working no-JavaScript form underneath. */
function readConfig(): ClientConfig | null {
  const raw = document.getElementById('main')?.dataset.voz;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ClientConfig;
  } catch {
    return null;
  }
}

const config = readConfig();
if (config) {
  for (const el of document.querySelectorAll<HTMLElement>('[data-js]')) el.hidden = false;
  for (const el of document.querySelectorAll<HTMLElement>('[data-nojs]')) el.hidden = true;
  initLocate(config);
  initDetails(config);
  initCopy(config);
  const counter = initCounter(config);
  initOutcomes(config, counter);
}
