/**
 * The web dashboard: built with esbuild at start-up and served by the API's Express app.
 */
export { buildDashboardAssets, type Asset, type DashboardAssets } from './build-assets.ts';
export { DASHBOARD_CSP, DASHBOARD_PATHS, mountDashboard, type DashboardOptions } from './mount-dashboard.ts';
export { renderShell, type ShellSettings } from './render-shell.ts';
