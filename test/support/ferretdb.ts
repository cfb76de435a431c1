import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A FerretDB process started for a test run. */
export interface FerretDb {
  /** Connection string of the server, e.g. `mongodb://127.0.0.1:41234/`. */
  uri: string;
  /** Stops the process and removes its data directory. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 15_000;

/**
 * Path of the FerretDB binary installed by `scripts/setup-ferretdb.sh`:
 * `${VAHTI_CACHE_DIR:-$HOME/.cache/vahti}/bin/ferretdb`.
 *
 * @example ferretDbBinary() // '/home/me/.cache/vahti/bin/ferretdb'
 */
export function ferretDbBinary(): string {
  return join(process.env.VAHTI_CACHE_DIR || join(homedir(), '.cache', 'vahti'), 'bin', 'ferretdb');
}

/** How to start FerretDB; all optional. */
export interface FerretDbOptions {
  /** Makes FerretDB claim to be a member of this replica set (it still has no transactions). */
  replSetName?: string;
}

/**
 * Starts FerretDB 1.24 on its SQLite handler in a fresh temp directory, on a free loopback port,
 * and resolves once it accepts connections. A real MongoDB-wire server, so the MongoDB store is
 * tested over the wire with the official driver. Telemetry and the debug HTTP listener are off
 * (the latter would take port 8088 and clash between parallel runs).
 *
 * @example
 * const ferret = await startFerretDb();
 * const store = new MongoStore({ uri: ferret.uri, dbName: 'test' });
 * await ferret.stop();
 */
export async function startFerretDb(options: FerretDbOptions = {}): Promise<FerretDb> {
  const binary = ferretDbBinary();
  if (!existsSync(binary)) throw new Error(`FerretDB is not installed at ${binary}: run scripts/setup-ferretdb.sh`);
  const dir = await mkdtemp(join(tmpdir(), 'vahti-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      `--state-dir=${dir}`,
      '--debug-addr=-',
      '--log-level=WARN',
      ...(options.replSetName ? [`--repl-set-name=${options.replSetName}`] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForPort(port, () => (child.exitCode === null ? null : `FerretDB exited with code ${child.exitCode}:\n${output}`));
  } catch (error) {
    await stop();
    throw error;
  }
  const query = options.replSetName ? `?replicaSet=${options.replSetName}` : '';
  return { uri: `mongodb://127.0.0.1:${port}/${query}`, stop };
}

/** A TCP port that was free a moment ago (the OS picks it). */
/** A TCP port on 127.0.0.1 that was free a moment ago (for servers that must know their URL before they listen). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/** Polls until the port accepts a TCP connection; `failure` reports a process that already died. */
async function waitForPort(port: number, failure: () => string | null): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const problem = failure();
    if (problem) throw new Error(problem);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`FerretDB did not accept connections on port ${port} within ${STARTUP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
