/**
 * Starting and stopping the HTTP server around an app.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { Express } from 'express';

/**
 * Listens on `host:port` (port 0 picks a free one) and resolves once bound.
 *
 * @example const server = await listen(app, 0, '127.0.0.1');
 */
export async function listen(app: Express, port: number, host: string): Promise<Server> {
  const server = app.listen(port, host);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([err]) => Promise.reject(err as Error))]);
  return server;
}

/**
 * The URL a bound server answers on (`localhost` for the wildcard addresses).
 *
 * @example serverUrl(server) // 'http://localhost:8080'
 */
export function serverUrl(server: Server): string {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  const host = ['0.0.0.0', '::'].includes(address.address) ? 'localhost' : address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Stops accepting connections, closes idle keep-alive ones, and resolves when all are done. */
export async function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  server.closeIdleConnections();
  await closed;
}
