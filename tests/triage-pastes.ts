/** Pastes the triage tests share (unit and browser). */

/**
 * The paste of the "done means": a JSON fault with two errors, two log lines naming a third, one line of
 * something else.
 */
export const DONE_PASTE = `{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"Another customer is already using this name. Please use a different name.","code":"6240","element":""},{"Message":"A business validation error has occurred while processing your request","Detail":"Business Validation Error: You must select a customer","code":"6000","element":""}],"type":"ValidationFault"},"time":"2026-11-26T09:14:02.000-08:00"}
Nov 26, 2026 9:15 AM  Payment P-2201  Failed  Deposited Transaction cannot be changed
Nov 26, 2026 9:16 AM  Payment P-2202  Failed  This transaction is part of a deposit. If you want to change or delete it, you must edit and remove it from the deposit it appears on.
Webhook delivery to the dispatch board timed out`;

/** What of DONE_PASTE must never appear in a request or an address. */
export const DONE_PASTE_MARKERS = [
  'Webhook',
  'dispatch',
  'P-2201',
  'P-2202',
  'Another customer',
  'Deposited',
  'ValidationFault',
  'select a customer',
];
