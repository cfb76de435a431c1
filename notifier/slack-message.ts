/**
 * The Slack message of a change point: a pure function of the change (Block Kit), pinned by
 * golden files in `test/notifier/golden/`. The sender only posts it.
 * Block Kit reference: https://api.slack.com/reference/block-kit/blocks
 */
import { changeKind } from './classify.ts';
import { commitUrl, escapeSlack, formatPercent, formatPvalue, formatValue } from './format.ts';
import type { ChangeNotice } from './types.ts';

/** A Slack incoming-webhook payload. */
export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

function commitText(n: ChangeNotice): string {
  const sha = n.attributes.git_commit;
  if (!sha) return 'unknown commit';
  const short = escapeSlack(sha.slice(0, 7));
  const url = commitUrl(n.attributes.git_repo, sha);
  const branch = n.attributes.branch ? ` on \`${escapeSlack(n.attributes.branch)}\`` : '';
  return `${url ? `<${url}|${short}>` : `\`${short}\``}${branch}`;
}

/**
 * Builds the message for one change point: regression or improvement marker, test and metric,
 * change in percent, mean before → after, p-value, the commit (short SHA linked to the repository
 * when it is a web URL) and a button to the change on the dashboard.
 *
 * @example buildSlackMessage(notice).text // '🔴 Regression in bench/parse · latency: +12.3% …'
 */
export function buildSlackMessage(n: ChangeNotice): SlackMessage {
  const kind = changeKind(n.direction, n.mean_before, n.mean_after);
  const marker = kind === 'regression' ? '🔴 Regression' : '🟢 Improvement';
  const unit = n.unit ? ` ${n.unit}` : '';
  const change = `${formatPercent(n.forward_change_percent)} (${formatValue(n.mean_before)}${unit} → ${formatValue(n.mean_after)}${unit})`;
  const when = new Date(n.time * 1000).toISOString().replace('.000Z', 'Z');
  const title = `${marker} in ${n.test} · ${n.metric}`;
  return {
    text: `${title}: ${change}, p = ${formatPvalue(n.pvalue)}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: true } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Change*\n${escapeSlack(change)}` },
          { type: 'mrkdwn', text: `*p-value*\n${formatPvalue(n.pvalue)}` },
          { type: 'mrkdwn', text: `*Commit*\n${commitText(n)}` },
          { type: 'mrkdwn', text: `*First result after the change*\n${when}` },
        ],
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `${escapeSlack(n.owner)} · ${escapeSlack(n.test)} · σ ${formatValue(n.stddev_before)} → ${formatValue(n.stddev_after)}` }],
      },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Vahti' }, url: n.url }],
      },
    ],
  };
}
