/**
 * JSON text that keeps every float64 exactly, negative zero included.
 *
 * `JSON.stringify` already writes the shortest decimal that parses back to the same double
 * (ECMA-262 Number::toString), but it writes `-0` as `0`; `JSON.parse('-0')` does return `-0`, so
 * only the writer needs care. NaN and ±Infinity have no JSON form: rather than let them turn into
 * `null` silently, encoding throws. Both stores keep user-shaped data (results, configs, cached
 * payloads) as this text, which also sidesteps FerretDB's ban on `.` and `$` in field names.
 */

/**
 * Serialises a JSON-compatible value like `JSON.stringify`, except that `-0` is written as `-0`
 * and a non-finite number throws a `TypeError`. `toJSON` is honoured, `undefined` and functions
 * are dropped from objects and become `null` in arrays. O(size of the value).
 *
 * @example encodeExactJson({ v: -0, w: 0.1 + 0.2 }) // '{"v":-0,"w":0.30000000000000004}'
 */
export function encodeExactJson(value: unknown): string {
  const text = encodeValue(value);
  if (text === undefined) throw new TypeError('encodeExactJson requires a JSON-compatible value');
  return text;
}

/**
 * Parses text written by `encodeExactJson` (plain `JSON.parse`, which already keeps `-0`). O(n).
 *
 * @example Object.is(decodeExactJson<number[]>('[-0]')[0], -0) // true
 */
export function decodeExactJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

function encodeValue(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot store the non-finite number ${value} as JSON`);
      return Object.is(value, -0) ? '-0' : JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      return encodeObject(value);
    case 'bigint':
      throw new TypeError('cannot store a BigInt as JSON');
    default:
      return undefined;
  }
}

function encodeObject(value: object): string | undefined {
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return encodeValue((withToJson.toJSON as () => unknown).call(value));
  if (Array.isArray(value)) return `[${value.map((item: unknown) => encodeValue(item) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const text = encodeValue(item);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
