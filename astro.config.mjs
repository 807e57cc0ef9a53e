// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import pagefindIndex from './integrations/pagefind.ts';

/** The public address of the help center (canonical URLs, sitemap, errors.json). */
const site = process.env.SITE_URL ?? 'https://help.example.com';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro 7's default Markdown processor ignores remark plugins: use the unified one.
  markdown: { processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }) },
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/print/') }), pagefindIndex()],
  devToolbar: { enabled: false },
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
