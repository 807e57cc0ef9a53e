import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixSteps, plainText } from '../../src/lib/build/fixSteps.ts';
import { manualResyncText } from '../../src/lib/shared/resync.ts';

const body = `## What it means

Text.

## How to fix

1. In QuickBooks, open the **customer's** profile (see [the guide](/errors/x/)) and
   make the customer active again.
2. Do one of the following:
   - Rename the supplier.
   - Make the supplier
     inactive.
3. <ManualResync record="invoice" />

If it still fails, contact support.

## Prevent it

1. Not a step.
`;

test('fix steps come out as plain text, with continuation lines, sub-bullets and the resync sentence', () => {
  assert.deepEqual(fixSteps(body), [
    "In QuickBooks, open the customer's profile (see the guide) and make the customer active again.",
    'Do one of the following:\n- Rename the supplier.\n- Make the supplier inactive.',
    manualResyncText('invoice'),
  ]);
});

test('plain text drops markdown emphasis and link targets', () => {
  assert.equal(plainText('Click **Resolve now** in [the log](/x/) or `here`'), 'Click Resolve now in the log or here');
});
