/**
 * Prometheus metrics of the HTTP server (request count and latency per route and status), in a
 * registry owned by one app, so several apps in one process (tests) do not collide.
 */
import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The label of requests no route matched, so unknown paths cannot grow the label set. */
const UNMATCHED = 'unmatched';

/** Per-app Prometheus registry with HTTP request metrics and the process defaults. */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'method' | 'route' | 'status'>;
  readonly #duration: Histogram<'method' | 'route'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.#requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.#duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method and route',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [this.registry],
    });
  }

  /** Middleware that records every request when its response finishes; routes set `res.locals.route`. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const start = process.hrtime.bigint();
      res.on('finish', () => {
        const route = typeof res.locals.route === 'string' ? res.locals.route : UNMATCHED;
        this.#requests.inc({ method: req.method, route, status: String(res.statusCode) });
        this.#duration.observe({ method: req.method, route }, Number(process.hrtime.bigint() - start) / 1e9);
      });
      next();
    };
  }
}
