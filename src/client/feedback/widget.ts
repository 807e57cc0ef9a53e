/**
 * "Was this helpful?" on an error page (src/components/Feedback.astro), loaded on first use:
 * Yes sends at once; No asks for a reason from a short fixed list (optional) and sends on
 * "Send". The thanks are said in the widget's status, which screen readers announce.
 */
import { FEEDBACK_REASONS, type FeedbackReason } from '../../lib/shared/feedback.ts';
import { mailText, record } from './queue.ts';

export function handle(root: HTMLElement, target: EventTarget | null): void {
  const button = (target as HTMLElement | null)?.closest<HTMLButtonElement>('button');
  if (!button || !root.contains(button)) return;
  const page = root.dataset['page']!;
  const status = root.querySelector<HTMLElement>('[data-feedback-status]')!;
  const reasons = root.querySelector<HTMLElement>('[data-feedback-reasons]')!;
  const thanks = (text: string) => {
    root.querySelector<HTMLElement>('[data-feedback-ask]')!.hidden = true;
    reasons.hidden = true;
    status.textContent = text;
    const mail = root.querySelector<HTMLAnchorElement>('[data-feedback-mail]');
    // Offline, the answer waits in this browser: it can also go to support by e-mail.
    if (mail && location.protocol === 'file:') {
      const url = new URL(mail.href);
      url.search = `?subject=${encodeURIComponent(`Feedback on ${page}`)}&body=${encodeURIComponent(mailText())}`;
      mail.href = url.href;
      mail.parentElement!.hidden = false;
    }
  };
  if (button.dataset['helpful'] === 'yes') {
    record({ type: 'helpful', page, helpful: true });
    thanks('Thank you: glad it helped.');
  } else if (button.dataset['helpful'] === 'no') {
    root.querySelector<HTMLElement>('[data-feedback-ask]')!.hidden = true;
    reasons.hidden = false;
    reasons.querySelector<HTMLInputElement>('input')?.focus();
  } else if (button.hasAttribute('data-feedback-send')) {
    const chosen = reasons.querySelector<HTMLInputElement>('input:checked')?.value;
    const reason = chosen && Object.hasOwn(FEEDBACK_REASONS, chosen) ? (chosen as FeedbackReason) : undefined;
    record({ type: 'helpful', page, helpful: false, ...(reason && { reason }) });
    thanks('Thank you: this tells us what to improve.');
  }
}
