import { CliError } from '../cli/command.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { HttpError } from '../http/errors.ts';
import { createLogger } from '../log.ts';
import { withDataInfo } from '../officials/data-info.ts';
import type { Directory } from '../officials/directory.ts';
import type { DirectoryData, LookupResult } from '../officials/types.ts';
import { answerAddress } from './api.ts';
import { createAddressResolver } from './resolve-address.ts';

/**
 * `voz lookup "1600 Pennsylvania Ave NW, Washington, DC 20500"`: the street address goes to the
 * configured geocoder once, as for GET /api/v1/officials?address=. With --json the output is the
 * API's JSON; otherwise a line on how the address was resolved, then the table.
 */

/** sysexits.h EX_UNAVAILABLE: the geocoder is down and there is no ZIP to fall back on. */
const EX_UNAVAILABLE = 69;

export async function addressLookupOutput(
  address: string,
  deps: {
    config: Config;
    data: DirectoryData;
    directory: Directory;
    clock: Clock;
    json: boolean;
    format: (result: LookupResult) => string;
  },
): Promise<string> {
  const geocoder = createAddressResolver(deps.config, {
    directory: deps.directory,
    seats: deps.data.seats,
    clock: deps.clock,
    logger: createLogger('error'),
  });
  if (!geocoder) throw new CliError('street address lookup is turned off (GEOCODER=none); give a ZIP code instead');
  let answer: Awaited<ReturnType<typeof answerAddress>>;
  try {
    answer = await answerAddress(address, { geocoder, directory: deps.directory });
  } catch (err) {
    if (err instanceof HttpError) {
      throw new CliError(err.message, err.status === 503 ? EX_UNAVAILABLE : err.status === 400 ? 2 : 1);
    }
    throw err;
  }
  if (deps.json) return `${JSON.stringify(withDataInfo(answer, deps.directory.status))}\n`;
  const info = answer.address;
  const head =
    info.status === 'matched'
      ? `Address found by ${info.provider}${info.matchedAddress ? `: ${info.matchedAddress}` : ''}`
      : `Address ${info.status.replace('_', ' ')}${info.message && info.message !== answer.message ? `: ${info.message}` : ''}`;
  const choices = info.choices.map((c) => `  - ${c.address}${c.district ? ` (${c.district})` : ''}`);
  const legislators =
    info.stateLegislators === 'unmatched' || info.stateLegislators === 'not_provided'
      ? ['State legislators could not be matched for this address.']
      : info.stateLegislators === 'partial'
        ? ['Some of the state legislative districts for this address could not be matched.']
        : [];
  return [head, ...choices, ...legislators, deps.format(answer)].join('\n');
}
