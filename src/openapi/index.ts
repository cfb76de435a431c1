/**
 * The API's self-description: the OpenAPI 3.1 document built from the route declarations and
 * the offline reference page rendered from it.
 */
export { buildOpenApiDocument, routeProblems, type OpenApiDocument, type RouteGroup } from './build-document.ts';
export { renderDocsPage } from './render-docs-page.ts';
