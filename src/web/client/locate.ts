import type { ClientConfig } from '../client-config.ts';
import { say } from './format.ts';

/** The CSRF token for the post: the page's own, or, on a page cached for everyone, a fresh one. */
async function csrfToken(config: ClientConfig): Promise<string> {
  if (config.csrf) return config.csrf;
  const res = await fetch(config.locationUrl as string, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const body = (await res.json()) as { csrf?: unknown };
  if (!res.ok || typeof body.csrf !== 'string') throw new Error('no token');
  return body.csrf;
}

/**
 * "Use my location": the browser's position, rounded to 0.01° (about 1 km, all the district
 * lookup can use: see COORDINATE_DECIMALS in location.ts), posted to the server, which answers
 * with a link naming only the district. A POST keeps the coordinate out of the URL, the history
 * and any proxy's log.
 */
export function initLocate(config: ClientConfig): void {
  const button = document.getElementById('use-location');
  if (!button || !config.locationUrl || !('geolocation' in navigator)) {
    button?.setAttribute('hidden', '');
    return;
  }
  const giveUp = () => {
    button.removeAttribute('aria-busy');
    say(button, config.strings.denied, 'problem');
    document.getElementById('zip')?.focus();
  };
  button.addEventListener('click', () => {
    say(button, config.strings.locating);
    button.setAttribute('aria-busy', 'true');
    navigator.geolocation.getCurrentPosition(
      async (position) => {
        let token: string;
        try {
          token = await csrfToken(config);
        } catch {
          giveUp();
          return;
        }
        const form = document.createElement('form');
        form.method = 'post';
        form.action = config.locationUrl as string;
        form.hidden = true;
        for (const [name, value] of [
          ['_csrf', token],
          ['lat', position.coords.latitude.toFixed(2)],
          ['lon', position.coords.longitude.toFixed(2)],
        ] as const) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      },
      giveUp,
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  });
}
