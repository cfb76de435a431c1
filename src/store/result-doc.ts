import { decodeExactJson, encodeExactJson } from './exact-json.ts';
import type { StoredResult, TestResult } from './types.ts';

/** The user-shaped part of a result, stored by both backends as one exact-JSON text. */
type ResultDoc = Pick<TestResult, 'metrics' | 'attributes' | 'extra_info'>;

/** A result ready to store: its upsert key and its `encodeResultDoc` body. */
export interface EncodedResult {
  timestamp: number;
  gitCommit: string;
  doc: string;
}

/**
 * Encodes a batch for writing, before either store touches its storage (so an unencodable value
 * fails the batch with nothing written). O(size of the batch).
 *
 * @example encodeBatch([result])[0]?.gitCommit
 */
export function encodeBatch(results: readonly TestResult[]): EncodedResult[] {
  return results.map((result) => ({ timestamp: result.timestamp, gitCommit: result.attributes.git_commit, doc: encodeResultDoc(result) }));
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

/** A result's metrics, attributes and extra_info as exact JSON; the timestamp is stored beside it. */
function encodeResultDoc(result: TestResult): string {
  const doc: ResultDoc = { metrics: result.metrics, attributes: result.attributes, extra_info: result.extra_info };
  return encodeExactJson(doc);
}
