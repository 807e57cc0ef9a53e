import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bookHref, planBook, scopeHtml } from '../../src/lib/build/printBook.ts';

const CATEGORIES = [
  {
    id: 'client',
    errors: [
      { id: 'client-inactive', primary: 'client' },
      { id: 'subscription-inactive', primary: 'client' },
    ],
  },
  {
    id: 'invoice',
    errors: [
      { id: 'invoice-deleted', primary: 'invoice' },
      { id: 'subscription-inactive', primary: 'client' },
    ],
  },
];
const SITE = 'https://help.example.com/';

test('the whole catalog prints each error once, in its primary category', () => {
  const book = planBook(CATEGORIES);
  assert.deepEqual(book.parts, [
    { category: 'client', entries: ['client-inactive', 'subscription-inactive'], elsewhere: [] },
    { category: 'invoice', entries: ['invoice-deleted'], elsewhere: ['subscription-inactive'] },
  ]);
  assert.deepEqual([...book.entries], ['client-inactive', 'subscription-inactive', 'invoice-deleted']);
});

test('a category book prints every error listing the category', () => {
  const book = planBook(CATEGORIES, 'invoice');
  assert.deepEqual(book.parts, [
    { category: 'invoice', entries: ['invoice-deleted', 'subscription-inactive'], elsewhere: [] },
  ]);
  assert.throws(() => planBook(CATEGORIES, 'nope'), /no category "nope"/);
});

test('links go to an entry of the book, or to the site', () => {
  const book = planBook(CATEGORIES, 'invoice');
  assert.equal(bookHref('/errors/invoice-deleted/', book, SITE), '#error-invoice-deleted');
  assert.equal(bookHref('/errors/invoice-deleted/#how-to-fix', book, SITE), '#error-invoice-deleted--how-to-fix');
  assert.equal(bookHref('/errors/client-inactive/', book, SITE), 'https://help.example.com/errors/client-inactive/');
  assert.equal(bookHref('/categories/invoice/', book, SITE), '#category-invoice');
  assert.equal(bookHref('/categories/client/', book, SITE), 'https://help.example.com/categories/client/');
  assert.equal(bookHref('/errors/', book, SITE), 'https://help.example.com/errors/');
  assert.equal(bookHref('#what-it-means', book, SITE, 'invoice-deleted'), '#error-invoice-deleted--what-it-means');
  assert.equal(bookHref('mailto:a@b.c', book, SITE), 'mailto:a@b.c');
});

test("an entry's HTML gets prefixed ids, its references and lower headings", () => {
  const book = planBook(CATEGORIES);
  const html =
    '<div class="heading-wrapper"><h2 id="how-to-fix">How to fix</h2><a class="heading-anchor" href="#how-to-fix">#</a></div><p aria-describedby="how-to-fix other">See <a href="/errors/client-inactive/?a=1&amp;b=2">this</a>.</p>';
  assert.equal(
    scopeHtml(html, 'invoice-deleted', (url) => bookHref(url, book, SITE, 'invoice-deleted'), 2),
    '<div class="heading-wrapper"><h4 id="error-invoice-deleted--how-to-fix">How to fix</h4><a class="heading-anchor" href="#error-invoice-deleted--how-to-fix">#</a></div><p aria-describedby="error-invoice-deleted--how-to-fix other">See <a href="#error-client-inactive">this</a>.</p>',
  );
});

test('under a subpath (SITE_URL https://host/docs/), links under it go to the book or the site, with the path', () => {
  const book = planBook(CATEGORIES, 'invoice');
  const docs = 'https://help.example.com/docs/';
  assert.equal(bookHref('/docs/errors/invoice-deleted/', book, docs), '#error-invoice-deleted');
  assert.equal(bookHref('/docs/errors/invoice-deleted/#how-to-fix', book, docs), '#error-invoice-deleted--how-to-fix');
  assert.equal(bookHref('/docs/categories/invoice/', book, docs), '#category-invoice');
  assert.equal(
    bookHref('/docs/errors/client-inactive/', book, docs),
    'https://help.example.com/docs/errors/client-inactive/',
  );
});
