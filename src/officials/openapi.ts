import { z } from 'zod';
import { actionAnswerSchema, actionReportSchema, campaignCountsSchema } from '../actions/api-schemas.ts';
import {
  candidateSchema,
  dataInfoSchema,
  dataStatusSchema,
  divisionAnswerSchema,
  divisionSchema,
  errorSchema,
  healthSchema,
  lookupResultSchema,
  officeSchema,
  officialSchema,
  officialsAnswerSchema,
  representationAnswerSchema,
  representationSchema,
  seatSchema,
} from './api-schemas.ts';

/**
 * The OpenAPI 3.1 document for /api/v1, generated from the same zod schemas the tests check real
 * answers against. OpenAPI 3.1 schemas are JSON Schema 2020-12, which `z.toJSONSchema` emits.
 */
export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(officeSchema, { id: 'Office' });
  registry.add(officialSchema, { id: 'Official' });
  registry.add(seatSchema, { id: 'Seat' });
  registry.add(representationSchema, { id: 'Representation' });
  registry.add(candidateSchema, { id: 'Candidate' });
  registry.add(lookupResultSchema, { id: 'LookupResult' });
  registry.add(divisionSchema, { id: 'Division' });
  registry.add(dataInfoSchema, { id: 'DataInfo' });
  registry.add(officialsAnswerSchema, { id: 'OfficialsAnswer' });
  registry.add(representationAnswerSchema, { id: 'RepresentationAnswer' });
  registry.add(divisionAnswerSchema, { id: 'DivisionAnswer' });
  registry.add(dataStatusSchema, { id: 'DataStatus' });
  registry.add(healthSchema, { id: 'Health' });
  registry.add(errorSchema, { id: 'Error' });
  registry.add(actionReportSchema, { id: 'ActionReport' });
  registry.add(actionAnswerSchema, { id: 'ActionAnswer' });
  registry.add(campaignCountsSchema, { id: 'CampaignCounts' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }

  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (name: string, description: string) => ({
    description,
    headers: {
      ETag: { schema: { type: 'string' }, description: 'Send it back in If-None-Match to get 304 when unchanged.' },
      'Cache-Control': { schema: { type: 'string' } },
    },
    content: { 'application/json': { schema: ref(name) } },
  });
  const errors = (...statuses: number[]) =>
    Object.fromEntries(
      statuses.map((status) => [
        String(status),
        {
          description: ERROR_TEXT[status] ?? 'Error',
          content: { 'application/json': { schema: ref('Error') } },
        },
      ]),
    );
  const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, example: 'protect-asylum' };
  const notModified = { '304': { description: 'Not modified: the ETag in If-None-Match still matches.' } };
  const ifNoneMatch = { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } };
  const queryParam = (name: string, description: string, example: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
    example,
  });

  return {
    openapi: '3.1.0',
    info: {
      title: 'Voz officials API',
      version: '1.0.0',
      description:
        'Who represents a place in the United States: the President and Vice President, senators, the House member, ' +
        'the governor and state executives, and state legislators. Every answer says how sure it is (`confidence`): ' +
        'a ZIP code that spans districts or states lists the candidates instead of guessing.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/v1/officials': {
        get: {
          operationId: 'lookupOfficials',
          summary: 'Who represents a place',
          description:
            'Give exactly one kind of place: `zip`, `state`, `district`, `lat` with `lon`, or `address` ' +
            '(when the server has a geocoder).',
          parameters: [
            queryParam('zip', 'ZIP code: 5 digits or ZIP+4.', '94110'),
            queryParam('state', 'State, DC or territory: code, or name in English or Spanish.', 'Nueva York'),
            queryParam('district', 'House district: `CA-12`, `AK-AL`, or an OCD division id.', 'CA-12'),
            queryParam('lat', 'Latitude in decimal degrees (WGS84), with lon.', '37.7599'),
            queryParam('lon', 'Longitude in decimal degrees (WGS84), with lat.', '-122.4148'),
            queryParam(
              'address',
              'Street address, answered by the configured geocoder.',
              '1 Dr Carlton B Goodlett Pl, San Francisco, CA',
            ),
            ifNoneMatch,
          ],
          responses: {
            '200': json(
              'OfficialsAnswer',
              'The officials, how sure the answer is, candidates when ambiguous, and how old the data is.',
            ),
            ...notModified,
            ...errors(400, 404, 414, 422, 429, 503),
          },
        },
      },
      '/api/v1/officials/{id}': {
        get: {
          operationId: 'getOfficial',
          summary:
            'One official (bioguide or ocd-person id) or one seat (e.g. `house:ca:14`), with vacancy and staleness flags',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'P000197' },
            ifNoneMatch,
          ],
          responses: {
            '200': json('RepresentationAnswer', 'The seat and its holder, and how old the data is.'),
            ...notModified,
            ...errors(404),
          },
        },
      },
      '/api/v1/divisions/{ocdId}': {
        get: {
          operationId: 'getDivision',
          summary: 'Every seat of an OCD division (URL-encode the id)',
          parameters: [
            {
              name: 'ocdId',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              example: 'ocd-division%2Fcountry:us%2Fstate:ca%2Fcd:12',
            },
            ifNoneMatch,
          ],
          responses: {
            '200': json('DivisionAnswer', 'The division and its seats, and how old the data is.'),
            ...notModified,
            ...errors(400, 404),
          },
        },
      },
      '/api/v1/data/status': {
        get: {
          operationId: 'getDataStatus',
          summary: 'How old the data is, where it comes from, and counts',
          parameters: [ifNoneMatch],
          responses: {
            '200': json('DataStatus', 'Vintage, sources with upstream commits and dates, counts.'),
            ...notModified,
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'getHealth',
          summary: 'Whether Voz is serving, and whether from its current or its last good data',
          description:
            'Answers 200 while Voz serves. `data` is "degraded" while the data on the server failed validation ' +
            'and the last good data is served instead: monitoring can alert on it.',
          responses: {
            '200': { description: 'Serving.', content: { 'application/json': { schema: ref('Health') } } },
          },
        },
      },
      '/api/v1/campaigns/{slug}/actions': {
        post: {
          operationId: 'reportAction',
          summary: 'Report what happened when a supporter called or wrote to an official',
          description:
            'Answers 201 only once the report is durably stored. A repeat of the same outcome for the same target ' +
            'from the same client within an hour is answered 200 and not counted again. Rate-limited per client.',
          parameters: [slugParam],
          requestBody: { required: true, content: { 'application/json': { schema: ref('ActionReport') } } },
          responses: {
            '201': { description: 'Counted.', content: { 'application/json': { schema: ref('ActionAnswer') } } },
            '200': {
              description: 'A repeat within the hour: not counted again.',
              content: { 'application/json': { schema: ref('ActionAnswer') } },
            },
            ...errors(400, 404, 409, 413, 415, 429, 503),
          },
        },
      },
      '/api/v1/campaigns/{slug}/counts': {
        get: {
          operationId: 'getCampaignCounts',
          summary: "A live campaign's totals by outcome, channel, language, target, state, district and day",
          parameters: [slugParam],
          responses: {
            '200': {
              description:
                'Totals, read again at most every two seconds; for a campaign large enough that counting takes longer than 100 ms, at most every twenty times that. asOf says when they were read.',
              headers: { 'Cache-Control': { schema: { type: 'string' } } },
              content: { 'application/json': { schema: ref('CampaignCounts') } },
            },
            ...errors(404),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': {} } } },
        },
      },
    },
    components: { schemas },
  };
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input, e.g. a ZIP code that is not 5 digits, latitude 91, an unknown state, or two kinds of place at once.',
  404: 'Nothing by that id, or a district that does not exist (e.g. CA-99), or a point outside every district.',
  414: 'The address is too long.',
  409: 'The campaign has ended and records no more actions.',
  413: 'The body is too large.',
  415: 'The body is not JSON (Content-Type: application/json).',
  422: 'A street address that matches places in more than one state: add the city, state and ZIP code.',
  429: 'Too many requests from this client in a short time; Retry-After says when to try again.',
  503: 'Not available right now (address lookup down with no ZIP to fall back on, or the database); see Retry-After.',
};
