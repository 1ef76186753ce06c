import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { type BreakerOptions, CircuitBreaker, DEFAULT_BREAKER } from './breaker.ts';
import { censusGeocoder } from './census.ts';
import { geocodioGeocoder } from './geocodio.ts';
import { nominatimGeocoder } from './nominatim.ts';
import {
  type GeocodeAnswer,
  GeocoderError,
  type GeocoderFailure,
  type GeocodingProvider,
  type ProviderName,
} from './types.ts';

/**
 * A provider behind a circuit breaker. It never throws for provider trouble: an outage, a timeout
 * or a malformed body becomes `{ kind: 'unavailable' }`, so the caller can fall back to the ZIP.
 * A provider outage is expected weather, not a bug in Voz: it is logged as a warning. Logs name
 * the provider, the failure and timings only; the address is never logged.
 */
export type GeocodeOutcome = GeocodeAnswer | { kind: 'unavailable'; failure: GeocoderFailure };

export interface Geocoder {
  readonly provider: ProviderName;
  geocode(address: string): Promise<GeocodeOutcome>;
}

export interface GuardOptions {
  clock: Clock;
  logger: Logger;
  breaker?: BreakerOptions;
}

export function guardGeocoder(provider: GeocodingProvider, options: GuardOptions): Geocoder {
  const breaker = new CircuitBreaker(options.clock, options.breaker ?? DEFAULT_BREAKER);
  const { logger } = options;
  return {
    provider: provider.name,
    async geocode(address) {
      if (!breaker.tryAcquire()) {
        logger.debug('geocoder skipped: circuit open', {
          provider: provider.name,
          retryAfterMs: breaker.retryAfterMs(),
        });
        return { kind: 'unavailable', failure: 'unavailable' };
      }
      const started = performance.now();
      try {
        const answer = await provider.geocode(address);
        breaker.recordSuccess();
        logger.debug('geocoded', {
          provider: provider.name,
          answer: answer.kind,
          ms: Math.round(performance.now() - started),
        });
        return answer;
      } catch (err) {
        if (!(err instanceof GeocoderError)) throw err;
        if (err.failure === 'throttled') {
          // Voz's own queue was full: the provider never saw the request and did nothing wrong.
          breaker.release();
          logger.debug('geocoder skipped: throttled', { provider: provider.name });
          return { kind: 'unavailable', failure: err.failure };
        }
        // A refused request (bad key, quota) is a configuration problem, not an outage.
        if (err.failure === 'rejected') breaker.recordSuccess();
        else breaker.recordFailure();
        const fields = {
          provider: provider.name,
          failure: err.failure,
          status: err.status,
          ms: Math.round(performance.now() - started),
          breaker: breaker.state,
        };
        logger.warn(breaker.state === 'open' ? 'geocoder unavailable: circuit open' : 'geocoder failed', fields);
        return { kind: 'unavailable', failure: err.failure };
      }
    },
  };
}

/** The provider named in the configuration, or null when address lookup is turned off. */
export function createProvider(config: Config, deps: { clock: Clock; logger: Logger }): GeocodingProvider | null {
  const { provider, url, apiKey, timeoutMs } = config.geocoder;
  switch (provider) {
    case 'census':
      return censusGeocoder({ baseUrl: url, timeoutMs, clock: deps.clock, logger: deps.logger });
    case 'geocodio':
      // parseConfig refuses GEOCODER=geocodio without a key.
      return geocodioGeocoder({ baseUrl: url, apiKey: apiKey ?? '', timeoutMs });
    case 'nominatim':
      return nominatimGeocoder({ baseUrl: url, timeoutMs, userAgent: `Voz/0.1 (+${config.publicUrl})` });
    case 'none':
      return null;
  }
}

export function createGeocoder(config: Config, options: GuardOptions): Geocoder | null {
  const provider = createProvider(config, options);
  return provider ? guardGeocoder(provider, options) : null;
}
