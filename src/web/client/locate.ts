import type { ClientConfig } from '../client-config.ts';
import { announce } from './format.ts';

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
  button.addEventListener('click', () => {
    announce(config.strings.locating);
    button.setAttribute('aria-busy', 'true');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = config.locationUrl as string;
        form.hidden = true;
        for (const [name, value] of [
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
      () => {
        button.removeAttribute('aria-busy');
        announce(config.strings.denied);
        document.getElementById('zip')?.focus();
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  });
}
