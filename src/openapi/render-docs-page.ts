/**
 * The API reference page served at /docs: one self-contained HTML document rendered from the
 * OpenAPI document by this module (inline CSS, no scripts, nothing fetched from a CDN), so it
 * works offline and always matches the schemas.
 */
import type { ProblemType } from '../http/problems.ts';
import type { OpenApiDocument } from './build-document.ts';

type Json = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Escapes text for HTML element content and attribute values. */
function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function asJson(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function anchor(kind: string, name: string): string {
  return `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Constraints of a schema worth showing next to its type. */
function constraints(schema: Json): string {
  const shown = ['pattern', 'format', 'minimum', 'exclusiveMinimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'default'];
  const parts = shown.filter((k) => schema[k] !== undefined).map((k) => `${k} ${JSON.stringify(schema[k])}`);
  return parts.length ? ` <span class="c">(${esc(parts.join(', '))})</span>` : '';
}

/** A short readable type of a JSON Schema, with links to named component schemas. */
function describeType(raw: unknown): string {
  const schema = asJson(raw);
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').at(-1) ?? ref;
    return `<a href="#${anchor('schema', name)}">${esc(name)}</a>`;
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map(describeType).join(' | ');
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ');
  if (schema.const !== undefined) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type as string | undefined);
  if (type === 'array') return `array of ${describeType(schema.items)}${constraints(schema)}`;
  if (type === 'object' || schema.properties) {
    const props = Object.entries(asJson(schema.properties));
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const extra = asJson(schema.additionalProperties);
    const fields = props.map(([k, v]) => `${esc(k)}${required.has(k) ? '' : '?'}: ${describeType(v)}`);
    if (Object.keys(extra).length > 0) fields.push(`[key: string]: ${describeType(extra)}`);
    else if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) fields.push('[key: string]: any');
    return `{ ${fields.join(', ')} }`;
  }
  return `${esc(type ?? 'any')}${constraints(schema)}`;
}

function propertyTable(schema: Json): string {
  const props = Object.entries(asJson(schema.properties));
  if (props.length === 0) return `<p>${describeType(schema)}</p>`;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const rows = props.map(([name, raw]) => {
    const prop = asJson(raw);
    return `<tr><td><code>${esc(name)}</code></td><td>${describeType(prop)}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${esc(prop.description ?? '')}</td></tr>`;
  });
  return `<table><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr>${rows.join('')}</table>`;
}

function renderOperation(path: string, method: string, op: Json): string {
  const params = (Array.isArray(op.parameters) ? op.parameters : []).map(asJson);
  const paramRows = params.map(
    (p) =>
      `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${describeType(p.schema)}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(p.description ?? asJson(p.schema).description ?? '')}</td></tr>`,
  );
  const body = asJson(asJson(asJson(op.requestBody).content)['application/json']).schema;
  const responses = Object.entries(asJson(op.responses)).map(([status, raw]) => {
    const response = asJson(raw);
    const content = Object.entries(asJson(response.content))
      .map(([type, media]) => `<code>${esc(type)}</code> ${describeType(asJson(media).schema)}`)
      .join('<br>');
    return `<tr><td>${esc(status)}</td><td>${esc(response.description ?? '')}</td><td>${content}</td></tr>`;
  });
  const secured = Array.isArray(op.security) && op.security.length > 0;
  return `<section class="op" id="${anchor('op', `${method}-${path}`)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p><strong>${esc(op.summary ?? '')}</strong>${secured ? ' <span class="auth">Bearer token</span>' : ''}</p>
${op.description ? `<p>${esc(op.description)}</p>` : ''}
${paramRows.length ? `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th><th>Description</th></tr>${paramRows.join('')}</table>` : ''}
${body ? `<h4>Request body (application/json)</h4><p>${describeType(body)}</p>` : ''}
<h4>Responses</h4><table><tr><th>Status</th><th>Description</th><th>Content</th></tr>${responses.join('')}</table>
</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d232a}main{max-width:980px;margin:auto;padding:1rem 2rem}
h1{margin-bottom:0}h2{border-bottom:2px solid #e4e7eb;padding-top:1rem}code{font:13px ui-monospace,monospace;background:#f3f4f6;padding:0 .2em}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #e4e7eb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f9fafb}.op{border:1px solid #e4e7eb;border-radius:6px;padding:0 1rem;margin:1rem 0}.m{color:#fff;border-radius:4px;padding:.1em .5em;font-size:13px}
.get{background:#2563eb}.post{background:#16a34a}.put{background:#d97706}.delete{background:#dc2626}.patch{background:#7c3aed}
.auth{font-size:12px;border:1px solid #9ca3af;border-radius:4px;padding:0 .4em;color:#4b5563}.c{color:#6b7280;font-size:12px}nav li{list-style:none}`;

/**
 * Renders the reference page of `doc`, with the problem codes table.
 *
 * Cost: O(size of the document); render once and serve the string.
 *
 * @example renderDocsPage(buildOpenApiDocument(groups, '0.1.0'), PROBLEM_TYPES).startsWith('<!doctype html>') // true
 */
export function renderDocsPage(doc: OpenApiDocument, problems: Record<string, ProblemType>): string {
  const info = asJson(doc.info);
  const byTag = new Map<string, string[]>();
  const nav = new Map<string, string[]>();
  for (const [path, rawItem] of Object.entries(asJson(doc.paths))) {
    const item = asJson(rawItem);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const operation = asJson(op);
      const tag = (Array.isArray(operation.tags) ? String(operation.tags[0]) : undefined) ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(path, method, operation)]);
      const link = `<li><a href="#${anchor('op', `${method}-${path}`)}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`;
      nav.set(tag, [...(nav.get(tag) ?? []), link]);
    }
  }
  const schemas = Object.entries(asJson(asJson(doc.components).schemas)).map(
    ([name, schema]) =>
      `<section id="${anchor('schema', name)}"><h3>${esc(name)}</h3>${asJson(schema).description ? `<p>${esc(asJson(schema).description)}</p>` : ''}${propertyTable(asJson(schema))}</section>`,
  );
  const problemRows = Object.entries(problems).map(
    ([code, p]) => `<tr id="${anchor('problem', code)}"><td><code>${esc(code)}</code></td><td>${p.status}</td><td>${esc(p.title)}</td><td>${esc(p.description)}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} reference</title><style>${STYLE}</style></head>
<body><main>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${esc(info.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
<nav>${[...nav].map(([tag, links]) => `<strong>${esc(tag)}</strong><ul>${links.join('')}</ul>`).join('')}</nav>
${[...byTag].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('\n')}`).join('\n')}
<h2>Problems</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code> <code>urn:vahti:problem:&lt;code&gt;</code>, a stable <code>code</code>, the <code>request_id</code>, and for invalid input an <code>errors</code> list.</p>
<table><tr><th>Code</th><th>Status</th><th>Title</th><th>Meaning</th></tr>${problemRows.join('')}</table>
<h2>Schemas</h2>
${schemas.join('\n')}
</main></body></html>
`;
}
