/**
 * Site configuration read at build time. Set through environment variables so a deployment
 * can change them without touching code (see README).
 */
import { parseFeedbackSetting } from '../shared/feedback.ts';
import { parseEmbedOrigins } from '../shared/embed.ts';

/** The help center's name, in every page title, link preview and the JSON catalog. */
export const SITE_NAME = 'QuickBooks Online sync errors';

/** Where "Contact support" sends people; the error code and query are filled in. */
export const SUPPORT_EMAIL =
  (import.meta.env['SUPPORT_EMAIL'] ?? process.env['SUPPORT_EMAIL'])?.trim() || 'support@example.com';

/** A mailto: link to support with a subject and body filled in. */
export function supportHref(subject: string, body: string): string {
  return `mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * Where feedback and search misses go (src/lib/shared/feedback.ts), from FEEDBACK_URL at build: undefined
 * when it is unset, and then the site sends nothing (no widget, no request, no other origin in the CSP).
 */
export const FEEDBACK = parseFeedbackSetting(import.meta.env?.['FEEDBACK_URL'] ?? process.env['FEEDBACK_URL']);

/**
 * The origins that may frame the error cards (/embed/<code>/) and hear their messages, from
 * EMBED_ORIGINS at build (src/lib/shared/embed.ts); none when unset (the help center itself only).
 */
export const EMBED_ORIGINS = parseEmbedOrigins(import.meta.env?.['EMBED_ORIGINS'] ?? process.env['EMBED_ORIGINS']);
