import type { ClientConfig } from '../client-config.ts';
import { say } from './format.ts';

/** Copy buttons: `data-copy` names the element whose text to copy, or holds the text itself after "text:". */
export function initCopy(config: ClientConfig): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const spec = button.dataset.copy ?? '';
      const text = spec.startsWith('text:') ? spec.slice(5) : (document.getElementById(spec)?.textContent ?? '');
      try {
        // navigator.clipboard exists only in secure contexts: a plain-HTTP install has none.
        if (!navigator.clipboard) throw new Error('no clipboard');
        await navigator.clipboard.writeText(text);
        button.dataset.state = 'copied';
        say(button, config.strings.copied);
      } catch {
        // The fallback: the text selected, ready for the supporter's own copy command.
        const source = spec.startsWith('text:') ? null : document.getElementById(spec);
        if (source) getSelection()?.selectAllChildren(source);
        delete button.dataset.state;
        say(button, source ? config.strings.copyFailed : `${config.strings.copyFailed}: ${text}`, 'problem');
      }
    });
  }
}
