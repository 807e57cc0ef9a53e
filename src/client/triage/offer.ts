/**
 * The header search's offer of triage: when what was pasted into the box holds more than one
 * error (src/lib/shared/triage/extract.ts, no catalog needed), the panel shows "Paste several errors?
 * Open triage". The box is one line and drops a paste's line breaks, so the paste is read as
 * the clipboard gave it. The link hands the paste to the triage page through this tab's
 * sessionStorage, never through the address.
 */
import { looksLikeSeveral } from '../../lib/shared/triage/extract.ts';
import { paths } from '../../lib/shared/urls.ts';

const KEY = 'qbo-help-triage:paste';

/**
 * Binds the offer to the header's box and panel; call the result with the box's value on every
 * search. `pasted` gives what the clipboard last pasted into the box, as it was (the panel keeps
 * it from the first paste on, before this module has loaded), or undefined after typing.
 */
export function bindTriageOffer(
  input: HTMLInputElement,
  panel: HTMLElement,
  href: (path: string) => string,
  pasted: () => string | undefined,
): (raw: string) => void {
  const offer = document.createElement('p');
  offer.className = 'search-triage';
  offer.hidden = true;
  const link = document.createElement('a');
  link.href = href(paths.triage());
  link.textContent = 'Paste several errors? Open triage';
  link.addEventListener('click', () => {
    try {
      sessionStorage.setItem(KEY, pasted() ?? input.value);
    } catch {
      /* too big or storage off: triage opens empty, ready for the paste */
    }
  });
  offer.append(link);
  panel.prepend(offer);
  return (raw) => {
    offer.hidden = !looksLikeSeveral(pasted() ?? raw);
  };
}

/** The paste handed over by the header's box, once (it is removed as it is read). */
export function takeHandedPaste(): string | undefined {
  try {
    const text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return text ?? undefined;
  } catch {
    return undefined;
  }
}
