import type { ClientConfig } from '../client-config.ts';
import { announce } from './format.ts';

/** "Use my location": the browser's position, rounded to about 11 m, then the officials step as a GET. */
export function initLocate(config: ClientConfig): void {
  const button = document.getElementById('use-location');
  if (!button || !config.officialsUrl || !('geolocation' in navigator)) {
    button?.setAttribute('hidden', '');
    return;
  }
  button.addEventListener('click', () => {
    announce(config.strings.locating);
    button.setAttribute('aria-busy', 'true');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const url = new URL(config.officialsUrl as string, location.href);
        url.searchParams.set('lat', position.coords.latitude.toFixed(4));
        url.searchParams.set('lon', position.coords.longitude.toFixed(4));
        location.assign(url.toString());
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
