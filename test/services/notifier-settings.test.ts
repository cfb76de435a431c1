import { expect } from 'chai';
import { channelsFor, DEFAULT_NOTIFIERS, maskUrl, mergeNotifierSettings, readNotifierSettings, type NotifierSettings } from '../../src/services/notifier-settings.ts';
import type { DetectedChange } from '../../src/store/change-types.ts';
import { DomainError } from '../../src/store/errors.ts';

const NOW = 1_767_225_600_000;

function change(meanBefore: number, meanAfter: number, direction?: 'higher_is_better' | 'lower_is_better', ageDays = 1): DetectedChange {
  return {
    metric: 'm',
    change_key: 'commit:abc',
    details: {
      time: NOW / 1000 - ageDays * 86400,
      index: 10,
      pvalue: 0,
      magnitude: 0.2,
      forward_change_percent: 20,
      mean_before: meanBefore,
      mean_after: meanAfter,
      stddev_before: 1,
      stddev_after: 1,
      unit: 'ms',
      ...(direction ? { direction } : {}),
      attributes: { git_repo: '', branch: '', git_commit: 'abc' },
    },
  };
}

const slack = (notify_on: 'regressions' | 'improvements' | 'both'): NotifierSettings => ({ ...DEFAULT_NOTIFIERS, slack: { webhook_url: 'https://hooks.slack.com/services/T/B/xyz', notify_on } });

describe('notifier settings', () => {
  it('fills defaults for an owner without settings', () => {
    expect(readNotifierSettings(undefined)).to.deep.equal({ slack: null, since_days: 14, webhooks: [], muted_tests: [] });
  });

  it('keeps stored secrets when a PUT leaves them out', () => {
    const stored = mergeNotifierSettings(DEFAULT_NOTIFIERS, {
      slack: { webhook_url: 'https://hooks.slack.com/services/T/B/secret1' },
      webhooks: [{ url: 'https://ci.example/h', secret: 'whsec-0123456789abcdef' }],
    });
    const id = stored.webhooks[0]!.id;
    const next = mergeNotifierSettings(stored, { slack: { notify_on: 'both' }, webhooks: [{ id, notify_on: 'regressions' }], since_days: 3 });
    expect(next).to.deep.equal({
      slack: { webhook_url: 'https://hooks.slack.com/services/T/B/secret1', notify_on: 'both' },
      since_days: 3,
      webhooks: [{ id, url: 'https://ci.example/h', secret: 'whsec-0123456789abcdef', notify_on: 'regressions' }],
      muted_tests: [],
    });
  });

  it('removes Slack with null and keeps everything absent from the PUT', () => {
    const stored = slack('both');
    expect(mergeNotifierSettings(stored, { slack: null })).to.deep.equal({ ...stored, slack: null });
    expect(mergeNotifierSettings(stored, {})).to.deep.equal(stored);
  });

  it('refuses Slack without a URL, and a webhook id that does not exist', () => {
    expect(() => mergeNotifierSettings(DEFAULT_NOTIFIERS, { slack: { notify_on: 'both' } })).to.throw(DomainError, /webhook_url/);
    expect(() => mergeNotifierSettings(DEFAULT_NOTIFIERS, { webhooks: [{ id: 'nope' }] })).to.throw(DomainError, /no webhook has id nope/);
    expect(() => mergeNotifierSettings(DEFAULT_NOTIFIERS, { webhooks: [{ url: 'https://x.example' }] })).to.throw(DomainError, /url and secret/);
  });

  it('masks URLs to their origin, showing four characters only of a long secret part', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/abcdefghijklmnopqrstuvwx')).to.equal('https://hooks.slack.com/…uvwx');
    expect(maskUrl('https://hook.example/abc')).to.equal('https://hook.example/…');
    expect(maskUrl('https://hooks.slack.com/services/T0/B0/abcdefgh')).to.equal('https://hooks.slack.com/…');
    expect(maskUrl('not a url')).to.equal('…');
  });

  it('sends regressions only by default; a metric without direction is lower-is-better', () => {
    const s = mergeNotifierSettings(DEFAULT_NOTIFIERS, { slack: { webhook_url: 'https://hooks.slack.com/x' } });
    expect(channelsFor(s, 't', change(100, 120), NOW)).to.deep.equal(['slack']);
    expect(channelsFor(s, 't', change(100, 80), NOW)).to.deep.equal([]);
    expect(channelsFor(s, 't', change(100, 80, 'higher_is_better'), NOW)).to.deep.equal(['slack']);
    expect(channelsFor(s, 't', change(100, 120, 'higher_is_better'), NOW)).to.deep.equal([]);
  });

  it('honours notify_on per channel', () => {
    expect(channelsFor(slack('improvements'), 't', change(100, 80), NOW)).to.deep.equal(['slack']);
    expect(channelsFor(slack('both'), 't', change(100, 120), NOW)).to.deep.equal(['slack']);
    const hooks = mergeNotifierSettings(slack('regressions'), { webhooks: [{ url: 'https://a.example', secret: 'whsec-0123456789abcdef' }] });
    expect(channelsFor(hooks, 't', change(100, 80), NOW)).to.deep.equal([`webhook:${hooks.webhooks[0]!.id}`]);
  });

  it('sends nothing for a muted test or a change older than since_days', () => {
    expect(channelsFor({ ...slack('both'), muted_tests: ['t'] }, 't', change(100, 120), NOW)).to.deep.equal([]);
    expect(channelsFor(slack('both'), 't', change(100, 120, undefined, 15), NOW)).to.deep.equal([]);
    expect(channelsFor(slack('both'), 't', change(100, 120, undefined, 13), NOW)).to.deep.equal(['slack']);
  });
});
