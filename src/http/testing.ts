import type { VozApp } from '../app.ts';

/**
 * The same app, with its direct routes counting what they answer: a test can then tell a request
 * answered before Hono from one the app answered, which look the same from outside.
 */
export function countingDirectRoutes(voz: VozApp): { voz: VozApp; answered(): number } {
  let answered = 0;
  const directRoutes = voz.directRoutes.map((route) => (...args: Parameters<typeof route>) => {
    const handled = route(...args);
    if (handled) answered++;
    return handled;
  });
  return { voz: { ...voz, directRoutes }, answered: () => answered };
}
