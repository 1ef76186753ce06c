import type { ClientConfig } from '../client-config.ts';
import { announce } from './format.ts';

/** Copy buttons: `data-copy` names the element whose text to copy, or holds the text itself after "text:". */
export function initCopy(config: ClientConfig): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const spec = button.dataset.copy ?? '';
      const text = spec.startsWith('text:') ? spec.slice(5) : (document.getElementById(spec)?.textContent ?? '');
      try {
        await navigator.clipboard.writeText(text);
        announce(config.strings.copied);
        button.dataset.state = 'copied';
      } catch {
        const source = spec.startsWith('text:') ? null : document.getElementById(spec);
        if (source) getSelection()?.selectAllChildren(source);
        announce(config.strings.copyFailed);
      }
    });
  }
}
