// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { headingAnchors } from './src/plugins/headingAnchors.mjs';
import { baseLinks } from './src/plugins/baseLinks.mjs';
import remarkGfm from 'remark-gfm';
import pagefindIndex from './integrations/pagefind.ts';
import { SEARCH_POLICY } from './src/lib/shared/search/markup.ts';
import tightCsp from './integrations/csp.ts';
import hosting from './integrations/hosting.ts';
import { parseFeedbackSetting } from './src/lib/shared/feedback.ts';
import { basePathOf, siteUrlFrom } from './src/lib/shared/base.ts';

/** The public address of the help center (canonical URLs, sitemap, errors.json). */
const site = siteUrlFrom(process.env.SITE_URL);
/**
 * The path the site is served under: SITE_URL's path ("/docs/" for https://help.example.com/docs/),
 * "/" for a bare origin. Pages reach it as import.meta.env.BASE_URL (src/lib/shared/base.ts).
 */
const base = basePathOf(site);
/** Where feedback goes (README, "Learning from misses"): its origin is the one connect-src gains; unset, none. */
const feedback = parseFeedbackSetting(process.env.FEEDBACK_URL);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro 7's default Markdown processor ignores remark plugins: use the unified one.
  // Heading ids first (Astro adds its own only after user plugins), then the anchor links.
  markdown: {
    // No code blocks to highlight, and Shiki's inline styles would break the CSP below.
    syntaxHighlight: false,
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeHeadingIds, [rehypeAutolinkHeadings, headingAnchors], [baseLinks, { base }]],
    }),
  },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.includes('/print/') && !page.includes('/go/') && !page.includes('/embed/') }),
    tightCsp(),
    pagefindIndex(),
    hosting(),
  ],
  devToolbar: { enabled: false },
  // Content Security Policy as a <meta> in every page (Astro hashes its own scripts and styles;
  // integrations/csp.ts then leaves each page only the hashes of its own inline code, and
  // script-src/style-src 'none' where a page has none). Everything loads from this origin
  // (default-src); 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine
  // (/pagefind/wasm.*.pagefind). No workers (Pagefind runs with noWorker), no plugins, no <base>,
  // and forms only submit here (the search forms; "Contact support" is a mailto: link, not a form).
  // Trusted Types: no string reaches an HTML or script-URL sink (innerHTML, script.src) except
  // through the one named policy of search (src/client/search/policy.ts): excerpts, reduced to
  // text and <mark>, and offline the search index's script. Pagefind needs no policy: it writes
  // no HTML, and its only sink, new Worker(url), is off (noWorker, src/client/search/load.ts).
  // Directives added here are kept by integrations/csp.ts. (frame-ancestors and report-uri are
  // ignored in a <meta> policy: integrations/hosting.ts adds frame-ancestors to the headers it writes.)
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "worker-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "require-trusted-types-for 'script'",
        `trusted-types ${SEARCH_POLICY}`,
        ...(feedback ? [/** @type {`connect-src ${string}`} */ (`connect-src 'self' ${feedback.origin}`)] : []),
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // MDX pages carry Astro's "use astro:head-inject" directive, which the bundler warns
          // about once per page although it is harmless (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // Builds of another content folder (CONTENT_DIR, see src/content.config.ts) keep their own cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
