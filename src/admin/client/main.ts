import { watchLive } from './live.ts';
import { watchTemplates } from './templates.ts';

/** The workspace's one script: every page works without it. */
document.documentElement.classList.add('js');
watchTemplates(document);
watchLive(document);

// After a refused save the page comes back with a summary of the problems: take the organizer
// there, so a screen reader reads it and the keyboard starts from its links (GOV.UK error summary).
document.querySelector<HTMLElement>('.errors-summary')?.focus();
