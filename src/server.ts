import cluster from 'node:cluster';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createAddressResolver } from './geocode/resolve-address.ts';
import { proxyTrustWarning } from './http/client-address.ts';
import { keyGraceMs } from './http/client-key.ts';
import { connectClusterState, serveClusterState } from './http/cluster-state.ts';
import { createRequestListener } from './http/request-listener.ts';
import { createLogger, type Logger } from './log.ts';
import { createDirectory } from './lookup/create-directory.ts';
import { loadDirectoryData, prepareDirectoryData } from './officials/load.ts';
import { prepareStore } from './prepare-store.ts';

/**
 * Listens and shuts down; everything else is built by buildApp. With WORKERS > 1 (or
 * `--workers N`), the primary forks N processes that share the port.
 */

function workersFromArgs(argv: string[], fallback: number): number {
  const at = argv.indexOf('--workers');
  if (at === -1) return fallback;
  // `auto`: one process per core the OS lets Voz use.
  if (argv[at + 1] === 'auto') return Math.min(64, os.availableParallelism());
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    process.stderr.write('voz: --workers takes a whole number from 1 to 64, or auto\n');
    process.exit(2);
  }
  return n;
}

async function runWorker(config: Config, logger: Logger): Promise<void> {
  const started = performance.now();
  // A cluster's workers share rate limits and repeat detection through the primary.
  const shared = cluster.isWorker ? await connectClusterState(process) : null;
  if (shared && !shared.keyChain) logger.warn('cluster primary did not answer: limits and repeats are per worker');
  const db = openDatabase(config.database, { logger, timeouts: config.databaseTimeouts });
  const data = await loadDirectoryData(config, { clock: systemClock, logger });
  const directory = createDirectory(data, systemClock);
  const geocoder = createAddressResolver(config, { directory, seats: data.seats, clock: systemClock, logger });
  const voz = buildApp({ config, db, directory, clock: systemClock, logger, geocoder, cluster: shared });
  const { close } = voz;

  const server = http.createServer(createRequestListener(voz));
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.info('listening', {
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
      readyMs: Math.round(performance.now() - started),
      data: data.status.vintage,
    });
    process.send?.({ type: 'ready', port });
  });
  // Listening fails after serve() returns, as an 'error' event: say what went wrong in one line.
  server.once('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`voz: ${listenProblem(err, config)}\n`);
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close(async () => {
      await close();
      await db.close();
      process.exit(0);
    });
    // Keep-alive connections would hold close() open; give in-flight requests 10 s.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function listenProblem(err: NodeJS.ErrnoException, config: Config): string {
  const where = `port ${config.port} on ${config.host}`;
  if (err.code === 'EADDRINUSE') return `${where} is already in use: stop the other server, or set PORT to a free port`;
  if (err.code === 'EACCES') return `not allowed to listen on ${where}: use a port above 1023, or set PORT`;
  if (err.code === 'EADDRNOTAVAIL') return `cannot listen on ${where}: HOST is not an address of this machine`;
  return `cannot listen on ${where}: ${err.message}`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`voz: ${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const workers = workersFromArgs(process.argv.slice(2), config.workers);
  const proxyWarning = cluster.isPrimary ? proxyTrustWarning(config.proxyTrust, config.host) : null;
  if (proxyWarning) logger.warn('client addresses can be forged', { detail: proxyWarning });

  if (workers > 1 && cluster.isPrimary) {
    // Migrate, seed and build the directory cache once, before any worker opens them.
    await prepareStore(config, logger);
    await prepareDirectoryData(config, { clock: systemClock, logger });
    serveClusterState(cluster, { clock: systemClock, keyGraceMs: keyGraceMs(config) });
    for (let i = 0; i < workers; i++) cluster.fork();
    const ready = new Set<number>();
    let announced = false;
    let stopping = false;
    const stop = () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    };
    cluster.on('message', (worker, message: { type?: string; port?: number } | null) => {
      if (message?.type !== 'ready') return;
      ready.add(worker.id);
      // Whoever started the primary (a process manager, a test) hears once, when every worker listens.
      if (!announced && ready.size === workers) {
        announced = true;
        process.send?.({ type: 'ready', port: message.port });
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      logger.error('worker exited', { pid: worker.process.pid ?? null, code, signal });
      // A worker that never became ready (bad data, port taken) would fail again: stop, don't loop.
      if (!ready.delete(worker.id)) {
        process.exitCode = 1;
        stop();
        return;
      }
      cluster.fork();
    });
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  if (cluster.isPrimary) await prepareStore(config, logger);
  await runWorker(config, logger);
}

main().catch((err: unknown) => {
  process.stderr.write(`voz: could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
