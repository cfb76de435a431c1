/**
 * The client runs in browsers: its files see the DOM types. (The root tsconfig targets Node; this
 * reference adds the DOM library for the whole type-check, which the server code does not use.)
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
