/**
 * /errors.json: the whole catalog for the Workiz app and support tools, and the JSON Schema
 * it is published with (/errors.schema.json). A test validates the one against the other.
 */
import type { Catalog } from './catalog.ts';
import { SITE_NAME } from './config.ts';
import { CATEGORY_IDS, DIRECTION_IDS, FIX_WHERE_IDS, RECORD_IDS, RESYNC_IDS } from '../shared/taxonomy.ts';
import { urls } from '../shared/urls.ts';
import { pageSources } from './sources.ts';

/**
 * The link contract of /go/ (src/lib/shared/triage/go.ts, README "Links into the help center"), as the
 * schema states it. It only grows.
 */
export const GO_CONTRACT =
  'Link contract (it only grows): /go/?code=<code> opens the error, also for a code in formerCodes; ' +
  '/go/?qb=<QuickBooks fault code> opens the error, or the fault page when the fault can mean several; ' +
  `&record=${RECORD_IDS.join('|')} picks among them (/go/?qb=6240&record=item opens item-duplicate); ` +
  '/go/?q=<text> opens search for the text, or triage (/triage/?e=<code>,<code>) when the text holds several errors; ' +
  'anything unknown opens search with the text filled in. Served by nginx (the Docker image), known code and qb links are answered with a 302 before any script runs; otherwise, without JavaScript, /go/ shows links to search, every error A–Z, the fault codes and triage.';

export function errorsJson(catalog: Catalog, site: URL) {
  return {
    $schema: new URL(urls.catalogSchema(), site).href,
    errors: catalog.errors.map((e) => ({
      code: e.id,
      title: e.data.title,
      summary: e.data.summary,
      categories: [...e.data.categories],
      direction: e.data.direction,
      fixWhere: e.data.fixWhere,
      resync: e.data.resync,
      dependsOn: e.dependsOn,
      unblocks: e.unblocks,
      related: e.related,
      quickbooksFaultCodes: [...new Set(e.data.quickbooks.flatMap((q) => (q.code ? [q.code] : [])))],
      quickbooks: e.data.quickbooks.map((q) => ({
        ...(q.code && { code: q.code }),
        ...(q.name && { name: q.name }),
        message: q.message,
        source: q.source,
      })),
      sources: pageSources(e.data.quickbooks, e.entry.body ?? '').map((src) => ({ url: src.url, for: src.for })),
      formerCodes: [...e.data.formerCodes],
      url: new URL(urls.error(e.id), site).href,
      lastReviewed: e.data.lastReviewed.toISOString().slice(0, 10),
    })),
  };
}

const code = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;
const codes = { type: 'array', items: code, uniqueItems: true } as const;
const faultCode = { type: 'string', pattern: '^[0-9]{3,5}$' } as const;

export function errorsSchema(site: URL) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: new URL(urls.catalogSchema(), site).href,
    title: SITE_NAME,
    description: `Every Workiz ↔ QuickBooks Online sync error the help center explains. To link into the help center from what is known at the moment of a failure, use the link contract of ${new URL(urls.go(), site).href} (see $comment), which keeps working as codes are renamed.`,
    $comment: GO_CONTRACT,
    type: 'object',
    additionalProperties: false,
    required: ['errors'],
    properties: {
      $schema: { type: 'string', format: 'uri' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: [
            'code',
            'title',
            'summary',
            'categories',
            'direction',
            'fixWhere',
            'resync',
            'dependsOn',
            'unblocks',
            'related',
            'quickbooksFaultCodes',
            'quickbooks',
            'sources',
            'formerCodes',
            'url',
            'lastReviewed',
          ],
          properties: {
            code: { ...code, description: 'Stable error code; the last part of the page URL.' },
            title: { type: 'string', minLength: 1 },
            summary: { type: 'string', minLength: 1, description: 'One sentence: what the error means.' },
            categories: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              items: { enum: [...CATEGORY_IDS] },
              description: 'The first is the primary category.',
            },
            direction: { enum: [...DIRECTION_IDS] },
            fixWhere: { enum: [...FIX_WHERE_IDS], description: 'Where the fix happens.' },
            resync: { enum: [...RESYNC_IDS], description: 'What to do once it is fixed.' },
            dependsOn: { ...codes, description: 'Errors to fix first.' },
            unblocks: { ...codes, description: 'Errors that wait on this one.' },
            related: codes,
            quickbooksFaultCodes: { type: 'array', uniqueItems: true, items: faultCode },
            quickbooks: {
              type: 'array',
              description:
                'What QuickBooks itself may report: each message quoted exactly, with the public page where that wording appears.',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['message', 'source'],
                properties: {
                  code: faultCode,
                  name: { type: 'string', minLength: 1, description: "The fault's name as QuickBooks spells it." },
                  message: { type: 'string', minLength: 1 },
                  source: {
                    type: 'string',
                    format: 'uri',
                    pattern: '^https://',
                    description: 'A public page where this exact wording appears.',
                  },
                },
              },
            },
            sources: {
              type: 'array',
              description:
                "Every public page the error's page rests on: the sources of QuickBooks' messages and of the limits, menu paths and QuickBooks behaviour it states, each with the parts of the page it supports.",
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['url', 'for'],
                properties: {
                  url: { type: 'string', format: 'uri', pattern: '^https?://' },
                  for: {
                    type: 'array',
                    items: { type: 'string', minLength: 1 },
                    description:
                      'The parts of the page that cite it: "What QuickBooks may say", or the heading of a section.',
                  },
                },
              },
            },
            formerCodes: { ...codes, description: 'Older codes that redirect to this error.' },
            url: {
              type: 'string',
              format: 'uri',
              description:
                'The error page. A link that must keep working for years can use /go/?code=<code> instead (see $comment).',
            },
            lastReviewed: { type: 'string', format: 'date' },
          },
        },
      },
    },
  };
}
