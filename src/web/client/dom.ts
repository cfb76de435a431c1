/**
 * A small element builder, so pages are written as nested calls instead of HTML strings (text
 * is always set as text, never parsed as HTML).
 */

type Child = Node | string | number | null | undefined | false;
/** Children may be nested arrays (from `map`), flattened in order. */
type Children = Child | readonly Children[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element: `on…` keys become listeners, `true` sets an empty attribute, false, null
 * and undefined leave it out.
 *
 * @example h('button', { type: 'button', onclick: save }, 'Save')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, skipping empty ones. */
export function append(parent: Node, ...children: Children[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, ...(child as readonly Children[]));
    else if (child instanceof Node) parent.appendChild(child);
    else if (child !== null && child !== undefined && child !== false) parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Children[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Tells screen readers (and sighted users, via the toast) what just happened. */
export function announce(message: string): void {
  const live = document.getElementById('live');
  if (live) live.textContent = message;
}

/**
 * A labelled form field: `<label>` tied to the control by id, and an optional hint tied by
 * `aria-describedby`.
 *
 * @example field('Max p-value', h('input', { id: 'max-p', name: 'max_pvalue' }), 'Default 0.001')
 */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const hintId = hint ? `${control.id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('small', { id: hintId, class: 'hint' }, hint) : null);
}

/** A status line under a form: `role=status` for success, `role=alert` for errors. */
export function formStatus(el: HTMLElement, message: string, error = false): void {
  el.textContent = message;
  el.className = error ? 'form-status error' : 'form-status ok';
  el.setAttribute('role', error ? 'alert' : 'status');
}
