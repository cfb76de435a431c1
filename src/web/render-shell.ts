/**
 * The HTML every dashboard page starts from: header, skip link, a live region for status
 * messages and an empty main area that the client fills. It paints before the script runs.
 */
import type { DashboardAssets } from './build-assets.ts';

/** What the server tells the client in the shell. */
export interface ShellSettings {
  /** Whether the server offers GitHub login (else API tokens only). */
  githubLogin: boolean;
}

/**
 * The shell linking the built script and stylesheet.
 *
 * @example renderShell(assets, { githubLogin: true }).startsWith('<!doctype html>') // true
 */
export function renderShell({ script, style }: DashboardAssets, { githubLogin }: ShellSettings): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Vahti</title>
<link rel="stylesheet" href="${style.path}">
<link rel="modulepreload" href="${script.path}">
</head>
<body data-github-login="${githubLogin}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="brand" href="/">Vahti</a>
<nav id="nav" aria-label="Main"></nav>
<div id="account" class="account"></div>
</header>
<main id="main" tabindex="-1"><p class="loading">Loading…</p></main>
<div id="live" class="visually-hidden" role="status" aria-live="polite"></div>
<noscript><p class="notice">The Vahti dashboard needs JavaScript. The API reference is at <a href="/docs">/docs</a>.</p></noscript>
<script type="module" src="${script.path}"></script>
</body>
</html>
`;
}
