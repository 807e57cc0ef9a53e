/**
 * The triage page (/triage/): paste, read, plan. The same code runs on the site (a module,
 * src/pages/triage.astro) and in the offline copy (a classic script, offline.ts); `site.href`
 * turns a site path into a link there. The catalog's triage data is in the page itself
 * (<script type="application/json" id="triage-data">): triaging makes no request at all, and
 * the paste stays in the page. The address records only the recognised codes (?e=…).
 * Everything from the paste is written as text (textContent), never as HTML.
 */
import { paths } from '../../lib/shared/urls.ts';
import { addressQuery } from '../../lib/shared/search/cap.ts';
import type { TriageData } from '../../lib/shared/triage/data.ts';
import {
  CONFIDENCE_TEXT,
  fromCodes,
  parseCodes,
  recogniseSteps,
  triageIndex,
  type Choice,
  type FaultFinding,
  type Finding,
  type Triage,
  type TriageIndex,
} from '../../lib/shared/triage/recognise.ts';
import {
  fixPlan,
  planCodes,
  planText,
  resyncStepText,
  resyncStepTitle,
  type PlanStep,
} from '../../lib/shared/triage/plan.ts';
import { goTarget } from '../../lib/shared/triage/go.ts';
import { takeHandedPaste } from './offer.ts';

export interface TriageSite {
  /** The link to a site path (src/lib/shared/urls.ts `paths`) from this page. */
  href: (path: string) => string;
}

export function readData(): TriageData {
  return JSON.parse(document.getElementById('triage-data')!.textContent!) as TriageData;
}

type Child = Node | string | false | undefined;
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== false && c !== undefined) node.append(c);
  return node;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const STORE = 'qbo-help-triage:';
/** Lets the browser paint and take input between slices of a big paste. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Issue 21: the parts that matched nothing, each as its fault's fingerprint (code, type, name,
 * subject; never its text), when the page names where feedback goes.
 */
function reportMisses(t: Triage): void {
  if (!t.unrecognised.length || !document.querySelector('meta[name="qbo-help-feedback"]')) return;
  void Promise.all([import('../../lib/shared/feedback.ts'), import('../feedback/queue.ts')]).then(
    ([{ triageFingerprint }, { record }]) => {
      const seen = new Set<string>();
      for (const u of t.unrecognised) {
        const event = triageFingerprint(u.text);
        const key = JSON.stringify(event);
        if (event && !seen.has(key)) record(event);
        seen.add(key);
      }
    },
  );
}

export function attachTriage(root: HTMLElement, site: TriageSite): void {
  const data = readData();
  const index: TriageIndex = triageIndex(data);
  const title = (code: string) => index.byCode.get(code)!.title;
  const form = root.querySelector('form')!;
  const box = root.querySelector('textarea')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const status = root.querySelector<HTMLElement>('[data-triage-status]')!;
  const output = root.querySelector<HTMLElement>('[data-triage-output]')!;
  const results = root.querySelector<HTMLElement>('[data-triage-results]')!;
  const choicesList = root.querySelector<HTMLElement>('[data-triage-choices]')!;
  const faultList = root.querySelector<HTMLElement>('[data-triage-faults]')!;
  const planList = root.querySelector<HTMLElement>('[data-triage-plan]')!;
  const missList = root.querySelector<HTMLElement>('[data-triage-unrecognised]')!;
  const copyButton = root.querySelector<HTMLButtonElement>('[data-triage-copy]')!;
  const printButton = root.querySelector<HTMLButtonElement>('[data-triage-print]')!;
  const copyStatus = root.querySelector<HTMLElement>('[data-triage-copy-status]')!;

  let triage: Triage = { found: [], choices: [], faultFindings: [], unrecognised: [], truncated: false };
  let plan: PlanStep[] = [];
  let run = 0;

  const storeKey = () => STORE + planCodes(plan).join(',');
  const ticks = (): Set<string> => {
    try {
      return new Set(JSON.parse(localStorage.getItem(storeKey()) ?? '[]') as string[]);
    } catch {
      return new Set();
    }
  };
  const saveTicks = (done: Set<string>) => {
    try {
      if (done.size) localStorage.setItem(storeKey(), JSON.stringify([...done]));
      else localStorage.removeItem(storeKey());
    } catch {
      /* storage off: the ticks last as long as the page */
    }
  };

  function card(f: Finding): HTMLLIElement {
    return el(
      'li',
      { class: 'triage-card' },
      el('h3', {}, el('a', { href: site.href(paths.error(f.code)) }, title(f.code))),
      el('p', { class: 'triage-code' }, 'Code ', el('code', {}, f.code)),
      el(
        'p',
        { class: 'triage-source' },
        f.source === f.code ? 'From the address' : 'Recognised from: ',
        f.source !== f.code && el('q', {}, f.source),
        f.count > 1 && ` (and ${plural(f.count - 1, 'more place', 'more places')} in the paste)`,
      ),
      el(
        'p',
        { class: `triage-sure triage-sure-${f.confidence}` },
        'How sure: ',
        el('strong', {}, CONFIDENCE_TEXT[f.confidence]),
        ` (${f.how})`,
      ),
    );
  }

  function choiceCard(c: Choice): HTMLLIElement {
    const ask = c.faultCode
      ? `QuickBooks fault ${c.faultCode} can mean ${plural(c.options.length, 'error', 'different errors')}.`
      : `This can mean ${plural(c.options.length, 'error', 'different errors')}.`;
    const group = el('ul', { class: 'triage-options' });
    for (const code of c.options) {
      const choose = el('button', { type: 'button', 'aria-label': `It is this one: ${title(code)}` }, 'It is this one');
      choose.addEventListener('click', () => {
        if (!triage.found.some((f) => f.code === code))
          triage.found.push({ code, confidence: 'medium', how: 'your choice', source: c.source, count: c.count });
        triage.choices = triage.choices.filter((x) => x !== c);
        show(`Added “${title(code)}” to the plan.`);
        results.querySelector<HTMLAnchorElement>(`li:last-child a`)?.focus();
      });
      group.append(el('li', {}, el('a', { href: site.href(paths.error(code)) }, title(code)), ' ', choose));
    }
    return el(
      'li',
      { class: 'triage-card triage-choice' },
      el('h3', {}, c.faultCode ? `Fault ${c.faultCode}: which error is it?` : 'Which error is it?'),
      el('p', { class: 'triage-source' }, 'Recognised from: ', el('q', {}, c.source)),
      el('p', {}, ask, ' Open them to compare, and choose the one that fits to add it to the plan.'),
      group,
      c.faultCode &&
        el('p', {}, el('a', { href: site.href(paths.fault(c.faultCode)) }, `Everything fault ${c.faultCode} can mean`)),
    );
  }

  function faultCard(f: FaultFinding): HTMLLIElement {
    return el(
      'li',
      { class: 'triage-card triage-fault' },
      el(
        'h3',
        {},
        el('a', { href: site.href(paths.fault(f.code)) }, `QuickBooks fault ${f.code}${f.name ? `: ${f.name}` : ''}`),
      ),
      el(
        'p',
        { class: 'triage-source' },
        'Recognised from: ',
        el('q', {}, f.source),
        f.count > 1 && ` (and ${plural(f.count - 1, 'more place', 'more places')} in the paste)`,
      ),
      el('p', {}, 'No error of this help center fits it. Its page says what QuickBooks means by it and what to check.'),
    );
  }

  function planItem(step: PlanStep, n: number, done: Set<string>): HTMLLIElement {
    const id = step.kind === 'fix' ? `fix:${step.code}` : `resync:${step.record}`;
    const box = el('input', { type: 'checkbox', id: `triage-step-${n}`, 'data-step': id });
    box.checked = done.has(id);
    box.addEventListener('change', () => {
      const now = ticks();
      if (box.checked) now.add(id);
      else now.delete(id);
      saveTicks(now);
    });
    const label = el('label', { for: `triage-step-${n}` }, 'Done');
    if (step.kind === 'fix') {
      return el(
        'li',
        {},
        el('a', { href: site.href(paths.error(step.code)) }, title(step.code)),
        ' ',
        el('span', { class: 'triage-tick' }, box, label),
        step.folded.length > 0 &&
          el(
            'p',
            { class: 'triage-folded' },
            'Fixing this also clears:',
            el(
              'ul',
              {},
              ...step.folded.map((c) => el('li', {}, el('a', { href: site.href(paths.error(c)) }, title(c)))),
            ),
          ),
      );
    }
    return el(
      'li',
      {},
      el('strong', {}, resyncStepTitle(step.record)),
      ' ',
      el('span', { class: 'triage-tick' }, box, label),
      el('p', {}, resyncStepText(step.record)),
      el(
        'p',
        { class: 'triage-folded' },
        'Needed after: ',
        ...step.codes.flatMap((c, i) => [i ? '; ' : '', el('a', { href: site.href(paths.error(c)) }, title(c))]),
      ),
    );
  }

  /** Shows the current findings and their plan, and says what was found. */
  function show(extra = '') {
    const codes = triage.found.map((f) => f.code);
    plan = fixPlan(data, codes);
    results.replaceChildren(...triage.found.map(card));
    choicesList.replaceChildren(...triage.choices.map(choiceCard));
    faultList.replaceChildren(...triage.faultFindings.map(faultCard));
    const done = ticks();
    planList.replaceChildren(...plan.map((s, i) => planItem(s, i + 1, done)));
    missList.replaceChildren(
      ...triage.unrecognised
        .slice(0, 50)
        .map((u) =>
          el(
            'li',
            {},
            el('q', {}, u.text),
            u.count > 1 && ` (${u.count} times)`,
            ' ',
            el('a', { href: site.href(paths.search(addressQuery(u.text))) }, 'Search for it'),
          ),
        ),
    );
    if (triage.unrecognised.length > 50) missList.append(el('li', {}, `and ${triage.unrecognised.length - 50} more`));
    for (const [selector, n] of [
      ['[data-triage-found-section]', triage.found.length],
      ['[data-triage-choices-section]', triage.choices.length],
      ['[data-triage-faults-section]', triage.faultFindings.length],
      ['[data-triage-plan-section]', plan.length],
      ['[data-triage-unrecognised-section]', triage.unrecognised.length],
    ] as const)
      root.querySelector<HTMLElement>(selector)!.hidden = n === 0;
    output.hidden = false;
    const parts = [plural(triage.found.length, 'error recognised', 'errors recognised')];
    if (triage.choices.length)
      parts.push(
        plural(triage.choices.length, 'part that can mean several errors', 'parts that can mean several errors'),
      );
    if (triage.faultFindings.length)
      parts.push(
        plural(
          triage.faultFindings.length,
          'QuickBooks fault code no error here fits',
          'QuickBooks fault codes no error here fits',
        ),
      );
    if (triage.unrecognised.length)
      parts.push(plural(triage.unrecognised.length, 'part not recognised', 'parts not recognised'));
    let said = parts.join(', ') + '.';
    if (plan.length) said += ` The plan has ${plural(plan.length, 'step', 'steps')}.`;
    if (triage.truncated) said += ' The paste was too long to read whole: only its start was read.';
    status.textContent = extra ? `${extra} ${said}` : said;
    // The address names the recognised errors only, never the paste.
    try {
      history.replaceState(null, '', site.href(paths.triage(planCodes(plan))));
    } catch {
      /* some file:// browsers refuse: the plan stays on the page */
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const mine = ++run;
    const text = box.value;
    status.textContent = 'Reading the paste…';
    root.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
      const steps = recogniseSteps(index, text);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          if (mine === run) triage = step.value;
          break;
        }
        await breathe();
        if (mine !== run) return;
      }
      show();
      reportMisses(triage);
    } finally {
      if (mine === run) {
        root.removeAttribute('aria-busy');
        button.disabled = false;
      }
    }
  });

  copyButton.addEventListener('click', async () => {
    const text = planText(data, plan, (code) => new URL(paths.error(code).slice(1), data.site).href);
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = 'The plan was copied as a reply.';
    } catch {
      copyStatus.textContent = 'Could not copy: your browser blocked the clipboard.';
    }
  });
  printButton.addEventListener('click', () => window.print());

  const e = parseCodes(new URLSearchParams(location.search).get('e'));
  const handed = takeHandedPaste();
  if (e.length) {
    triage = { found: fromCodes(index, e), choices: [], faultFindings: [], unrecognised: [], truncated: false };
    show('From the address:');
  } else if (handed) {
    // Pasted into the header's search box, which offered triage.
    box.value = handed;
    form.requestSubmit();
  }
}

/** The /go/ page: opens what it was given (src/lib/shared/triage/go.ts), as a redirect that leaves no history entry. */
export function attachGo(root: HTMLElement, site: TriageSite): void {
  const index = triageIndex(readData());
  const p = new URLSearchParams(location.search);
  const target = goTarget(index, { code: p.get('code'), qb: p.get('qb'), record: p.get('record'), q: p.get('q') });
  const href = site.href(target);
  const link = root.querySelector<HTMLAnchorElement>('[data-go-target]');
  if (link) {
    link.href = href;
    link.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
  }
  location.replace(href);
}
