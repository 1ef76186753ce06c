import { watchLive } from './live.ts';
import { watchTemplates } from './templates.ts';

/** The workspace's one script: every page works without it. */
document.documentElement.classList.add('js');
watchTemplates(document);
watchLive(document);
