/**
 * The test tree: test names split on `/` into folders, each node counting the change points
 * below it and keeping the newest. A name may be both a test and a folder (`a` and `a/b`).
 * Pure; built in O(tests · depth).
 */
import type { CommitChange } from './series.ts';

/** What the tree knows about one test's change points (null while still loading). */
export interface ChangeSummary {
  count: number;
  newest: CommitChange | null;
}

/** A folder or test of the tree. */
export interface TreeNode {
  /** The last segment. */
  label: string;
  /** The full name up to this node. */
  path: string;
  /** Whether `path` itself is a test. */
  isTest: boolean;
  children: TreeNode[];
  /** Change points of this test and every test below it (of those loaded). */
  changeCount: number;
  /** The newest change point of this node and below, with the test it belongs to. */
  newest: { test: string; change: CommitChange } | null;
  /** Tests at or below this node whose change points are not loaded yet. */
  pending: number;
}

function node(label: string, path: string): TreeNode {
  return { label, path, isTest: false, children: [], changeCount: 0, newest: null, pending: 0 };
}

/**
 * Builds the tree of `tests`, children sorted by label.
 *
 * @example buildTree(['a/x', 'a/y', 'b'], new Map()).children.map((n) => n.label) // ['a', 'b']
 */
export function buildTree(tests: readonly string[], summaries: ReadonlyMap<string, ChangeSummary>): TreeNode {
  const root = node('', '');
  for (const test of tests) {
    const summary = summaries.get(test);
    const segments = test.split('/');
    let current = root;
    const visit = (n: TreeNode) => {
      if (!summary) n.pending += 1;
      else {
        n.changeCount += summary.count;
        if (summary.newest && (!n.newest || summary.newest.time > n.newest.change.time)) n.newest = { test, change: summary.newest };
      }
    };
    visit(root);
    segments.forEach((segment, i) => {
      const path = segments.slice(0, i + 1).join('/');
      let child = current.children.find((c) => c.label === segment);
      if (!child) {
        child = node(segment, path);
        current.children.push(child);
      }
      visit(child);
      current = child;
    });
    current.isTest = true;
  }
  const sort = (n: TreeNode) => {
    n.children.sort((a, b) => a.label.localeCompare(b.label));
    n.children.forEach(sort);
  };
  sort(root);
  return root;
}

/**
 * The tests whose name contains every word of `query` (case-insensitive); all for a blank query.
 *
 * @example filterTests(['bench/parse', 'bench/render'], 'PAR') // ['bench/parse']
 */
export function filterTests(tests: readonly string[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return tests.filter((t) => words.every((w) => t.toLowerCase().includes(w)));
}
