/**
 * What the server tells the client scripts, as JSON in the `data-voz` attribute of <main> (the
 * Content-Security-Policy allows no inline scripts). Shared by both sides so they agree.
 */
export interface ClientConfig {
  lang: 'en' | 'es';
  /** Set on campaign pages. */
  slug?: string;
  /** JSON endpoints for the outcome buttons and the live counter. */
  actionsUrl?: string;
  countsUrl?: string;
  /** Where "use my location" posts the device's coordinate (POST /c/:slug/location), with its fixed query. */
  locationUrl?: string;
  /** The page's CSRF token, when it has one; a cached page's script asks `locationUrl` for it. */
  csrf?: string;
  /** UI strings the scripts need, already in the page language. */
  strings: {
    copied: string;
    copyFailed: string;
    locating: string;
    denied: string;
    progress: string;
    counter: string;
    failed: string;
    rateLimited: string;
    closed: string;
    busy: string;
    forgotten: string;
    saved: Record<string, string>;
  };
}
