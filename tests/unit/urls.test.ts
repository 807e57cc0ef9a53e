import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paths, urls, errorCodeOf, categoryOf, pathOfBuiltFile, builtFileOf } from '../../src/lib/shared/urls.ts';
import { withBase } from '../../src/lib/shared/base.ts';

test('site paths of every kind of page', () => {
  assert.equal(paths.error('client-duplicate'), '/errors/client-duplicate/');
  assert.equal(paths.error('client-duplicate', 'how-to-fix'), '/errors/client-duplicate/#how-to-fix');
  assert.equal(paths.errorMarkdown('client-duplicate'), '/errors/client-duplicate.md');
  assert.equal(paths.errorPreview('client-duplicate'), '/og/client-duplicate.png');
  assert.equal(paths.category('invoice'), '/categories/invoice/');
  assert.equal(paths.fault('6240'), '/quickbooks/6240/');
  assert.equal(paths.search(), '/search/');
  assert.equal(paths.search('a b&c'), '/search/?q=a%20b%26c');
  assert.equal(paths.triage(), '/triage/');
  assert.equal(paths.triage(['a', 'b']), '/triage/?e=a,b');
  assert.equal(paths.print('item'), '/print/item/');
});

test('urls are the same paths under the base (outside Vite the base is "/")', () => {
  assert.equal(urls.error('x'), withBase('/errors/x/'));
  assert.equal(urls.fault('6240'), '/quickbooks/6240/');
});

test('errorCodeOf reads the code of an error page path and nothing else', () => {
  assert.equal(errorCodeOf('/errors/x/'), 'x');
  assert.equal(errorCodeOf('/errors/x/#how-to-fix'), 'x');
  assert.equal(errorCodeOf('/errors/'), undefined);
  assert.equal(errorCodeOf('/errors/x.md'), undefined);
  assert.equal(errorCodeOf('/categories/x/'), undefined);
});

test('categoryOf reads the id of a category page path and nothing else', () => {
  assert.equal(categoryOf('/categories/item/'), 'item');
  assert.equal(categoryOf('/categories/'), undefined);
  assert.equal(categoryOf('/errors/item/'), undefined);
});

test('pathOfBuiltFile: the site path a built HTML file answers', () => {
  assert.equal(pathOfBuiltFile('index.html'), '/');
  assert.equal(pathOfBuiltFile('errors/x/index.html'), '/errors/x/');
  assert.equal(pathOfBuiltFile('404.html'), '/404.html');
});

test('builtFileOf: the built file of a site path, the inverse of pathOfBuiltFile', () => {
  assert.equal(builtFileOf('/'), 'index.html');
  assert.equal(builtFileOf(paths.error('x')), 'errors/x/index.html');
  assert.equal(builtFileOf(paths.searchData()), 'search-data.json');
  assert.equal(builtFileOf(paths.triageData()), 'triage-data.json');
  for (const file of ['index.html', 'errors/x/index.html', '404.html', 'categories/item/index.html'])
    assert.equal(builtFileOf(pathOfBuiltFile(file)), file);
});
