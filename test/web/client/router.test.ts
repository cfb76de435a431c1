import { expect } from 'chai';
import { parseRoute } from '../../../src/web/client/router.ts';
import { apiPaths, pageLinks } from '../../../src/web/client/scope.ts';

describe('web/client/router', () => {
  it('routes the tree, a test, settings and sign-in of the user', () => {
    expect(parseRoute('/')).to.deep.equal({ page: 'tree', scope: { kind: 'user' } });
    expect(parseRoute('/tests/shop/checkout/api')).to.deep.equal({ page: 'test', scope: { kind: 'user' }, test: 'shop/checkout/api' });
    expect(parseRoute('/settings')).to.deep.equal({ page: 'settings', scope: { kind: 'user' } });
    expect(parseRoute('/signin')).to.deep.equal({ page: 'signin' });
  });

  it('routes organisation pages', () => {
    const scope = { kind: 'org', org: 'acme' };
    expect(parseRoute('/orgs/acme')).to.deep.equal({ page: 'tree', scope });
    expect(parseRoute('/orgs/acme/settings')).to.deep.equal({ page: 'settings', scope });
    expect(parseRoute('/orgs/acme/tests/a/b')).to.deep.equal({ page: 'test', scope, test: 'a/b' });
  });

  it('routes public pages by owner', () => {
    expect(parseRoute('/public')).to.deep.equal({ page: 'public-list' });
    expect(parseRoute('/public/alice/bench/parse')).to.deep.equal({ page: 'test', scope: { kind: 'public', owner: 'alice' }, test: 'bench/parse' });
  });

  it('refuses malformed test names and unknown paths', () => {
    for (const path of ['/tests/a/../b', '/tests/a%20b', '/nope', '/public/alice', '/orgs/acme/nope', '/orgs/%E0%A4%A/x', '/settings/x']) {
      expect(parseRoute(path), path).to.deep.equal({ page: 'not-found' });
    }
  });

  it('maps scopes to API paths and page links', () => {
    expect(apiPaths({ kind: 'user' }).changes('a/b')).to.equal('/result/a/b/changes');
    expect(apiPaths({ kind: 'org', org: 'acme' }).results('a/b')).to.equal('/orgs/acme/result/a/b');
    expect(apiPaths({ kind: 'org', org: 'acme' }).ownerConfig).to.equal('/orgs/acme/user/config');
    const pub = apiPaths({ kind: 'public', owner: 'alice' });
    expect(pub.changes('a/b')).to.equal('/public/result/alice/a/b/changes');
    expect(pub.testConfig).to.equal(null);
    expect(pageLinks({ kind: 'public', owner: 'alice' }).test('a/b')).to.equal('/public/alice/a/b');
    expect(pageLinks({ kind: 'org', org: 'acme' }).settings).to.equal('/orgs/acme/settings');
  });
});
