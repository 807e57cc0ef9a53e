/**
 * The cards of the catalog for the app (src/lib/shared/embed.ts EmbedData), at build: each error's
 * title, meaning, steps and "Fix these first", and /go/'s answer for every fault code with and
 * without a record (src/lib/shared/triage/go.ts), so the component needs no recogniser for a code or a
 * fault. Read by /embed/cards.json and the card pages.
 */
import type { Catalog, CatalogError } from './catalog.ts';
import { errorPage } from './errorPage.ts';
import { triageData } from './triageData.ts';
import { triageIndex } from '../shared/triage/recognise.ts';
import { GO_RECORDS, goTarget } from '../shared/triage/go.ts';
import { errorCodeOf, urls } from '../shared/urls.ts';
import { SUPPORT_EMAIL } from './config.ts';
import type { EmbedCard, EmbedData } from '../shared/embed.ts';

export function embedCard(catalog: Catalog, error: CatalogError, site: URL): EmbedCard {
  const page = errorPage(catalog, error);
  return {
    code: error.id,
    title: error.data.title,
    summary: error.data.summary,
    category: catalog.categoryById.get(error.primary)!.title,
    steps: page.steps,
    first: page.dependsOn.map((e) => ({ code: e.id, title: e.data.title })),
    url: new URL(urls.error(error.id), site).href,
  };
}

export function embedData(catalog: Catalog, site: URL): EmbedData {
  const index = triageIndex(triageData(catalog, site, { docs: false }));
  const faults: EmbedData['faults'] = {};
  for (const fault of [...new Set([...index.errorsByFault.keys(), ...index.faultPages.keys()])]) {
    for (const record of ['', ...GO_RECORDS]) {
      const target = goTarget(index, { qb: fault, record });
      const code = errorCodeOf(target);
      const errors = index.errorsByFault.get(fault) ?? [];
      const picked = record ? errors.filter((c) => index.byCode.get(c)!.categories[0] === record) : errors;
      const answer = code ?? (picked.length > 1 ? picked : errors.length > 1 ? errors : undefined);
      // A record that changes nothing is not written: the fault's own answer stands for it.
      if (answer !== undefined && (!record || JSON.stringify(answer) !== JSON.stringify(faults[fault])))
        faults[record ? `${fault}|${record}` : fault] = answer;
    }
  }
  return {
    site: new URL(urls.home(), site).href,
    support: SUPPORT_EMAIL,
    cards: Object.fromEntries(catalog.errors.map((e) => [e.id, embedCard(catalog, e, site)])),
    renamed: Object.fromEntries(catalog.redirects.map((r) => [r.from, r.to])),
    faults,
  };
}
