/**
 * A local HTTP server standing in for Slack's incoming webhooks (and for generic webhook
 * receivers): records every POST and answers as told — 200 "ok", a status (e.g. 500), 429 with
 * Retry-After, or hang until the client gives up.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = { kind: 'ok' } | { kind: 'status'; status: number } | { kind: 'rate-limit'; retryAfter: string } | { kind: 'hang' };

export interface RecordedPost {
  /** The status answered; 0 when the request was left hanging. */
  status: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface StandInSlack {
  /** Base URL, e.g. http://127.0.0.1:PORT; post to any path under it. */
  url: string;
  posts: RecordedPost[];
  /** The posts answered 200: the messages that reached the channel. */
  delivered(): RecordedPost[];
  /** How to answer from now on (default ok). */
  behave(b: Behaviour): void;
  close(): Promise<void>;
}

export async function startStandInSlack(): Promise<StandInSlack> {
  let behaviour: Behaviour = { kind: 'ok' };
  const posts: RecordedPost[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const b = behaviour;
      const status = b.kind === 'ok' ? 200 : b.kind === 'status' ? b.status : b.kind === 'rate-limit' ? 429 : 0;
      posts.push({ status, path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      if (b.kind === 'hang') hanging.add(res);
      else if (b.kind === 'ok') res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      else if (b.kind === 'status') res.writeHead(b.status, { 'Content-Type': 'text/plain' }).end('error');
      else res.writeHead(429, { 'Retry-After': b.retryAfter, 'Content-Type': 'text/plain' }).end('rate_limited');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    delivered: () => posts.filter((p) => p.status === 200),
    behave: (b) => {
      behaviour = b;
    },
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
