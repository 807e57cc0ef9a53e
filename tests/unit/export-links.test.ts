import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileOf, offlineHref, relativePath, targetOf } from '../../src/lib/shared/offlineLinks.ts';

test('a site path names a file of the copy: folders end in index.html', () => {
  assert.equal(fileOf('/'), 'index.html');
  assert.equal(fileOf('/errors/x/'), 'errors/x/index.html');
  assert.equal(fileOf('/errors/x'), 'errors/x/index.html');
  assert.equal(fileOf('/favicon.svg'), 'favicon.svg');
  assert.equal(fileOf('/404.html'), '404.html');
  assert.equal(fileOf('/_astro/Base.H3sEW10C.css'), '_astro/Base.H3sEW10C.css');
});

test('relative paths between files of the copy', () => {
  assert.equal(relativePath('index.html', 'errors/x/index.html'), 'errors/x/index.html');
  assert.equal(relativePath('errors/x/index.html', 'errors/y/index.html'), '../y/index.html');
  assert.equal(relativePath('errors/x/index.html', 'index.html'), '../../index.html');
  assert.equal(relativePath('errors/x/index.html', 'errors/x/index.html'), 'index.html');
  assert.equal(relativePath('categories/item/index.html', '_astro/a.css'), '../../_astro/a.css');
  assert.equal(relativePath('404.html', 'search/index.html'), 'search/index.html');
});

test('offline hrefs keep the query and the fragment, and leave other URLs alone', () => {
  assert.equal(offlineHref('errors/x/index.html', '/errors/y/#how-to-fix'), '../y/index.html#how-to-fix');
  assert.equal(offlineHref('errors/x/index.html', '/search/?q=a%20b'), '../../search/index.html?q=a%20b');
  assert.equal(offlineHref('index.html', '/'), 'index.html');
  for (const url of [
    '#main',
    'mailto:a@b.c',
    'https://help.example.com/',
    '//cdn.example.com/x.js',
    '../y/index.html',
    'data:,x',
  ]) {
    assert.equal(offlineHref('errors/x/index.html', url), url);
  }
});

test('the file a relative href names', () => {
  assert.equal(targetOf('errors/x/index.html', '../y/index.html#fix'), 'errors/y/index.html');
  assert.equal(targetOf('errors/x/index.html', '../../search/index.html?q=1'), 'search/index.html');
  assert.equal(targetOf('errors/x/index.html', '../y/'), 'errors/y/');
  for (const url of ['#x', 'mailto:x', 'https://x', '/abs/', '']) assert.equal(targetOf('index.html', url), undefined);
});
