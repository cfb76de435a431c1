import { decodeExactJson, encodeExactJson } from './exact-json.ts';
import type { StoredResult, TestResult } from './types.ts';

/** The user-shaped part of a result, stored by both backends as one exact-JSON text. */
type ResultDoc = Pick<TestResult, 'metrics' | 'attributes' | 'extra_info'>;

/**
 * Encodes a result's metrics, attributes and extra_info as exact JSON (floats bit for bit, `-0`
 * kept); the timestamp is stored beside it as a plain indexed number. O(size of the result).
 *
 * @example encodeResultDoc(result) // '{"metrics":[...],"attributes":{...},"extra_info":{}}'
 */
export function encodeResultDoc(result: TestResult): string {
  const doc: ResultDoc = { metrics: result.metrics, attributes: result.attributes, extra_info: result.extra_info };
  return encodeExactJson(doc);
}

/**
 * Rebuilds a stored result from its id, timestamp and `encodeResultDoc` text. O(size of the doc).
 *
 * @example decodeResult('7', 1700000000, text).metrics[0]?.value
 */
export function decodeResult(id: string, timestamp: number, text: string): StoredResult {
  const doc = decodeExactJson<ResultDoc>(text);
  return { id, timestamp, metrics: doc.metrics, attributes: doc.attributes, extra_info: doc.extra_info };
}
