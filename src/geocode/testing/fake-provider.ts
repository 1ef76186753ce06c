import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that plays a geocoding provider in tests: each request is answered by the
 * next scripted reply (or the last one, repeated), in the provider's own wire format. Listens on
 * port 0 so parallel test files never collide.
 */
export interface Reply {
  status?: number;
  /** A JSON value, or a raw string for malformed bodies. */
  body: unknown;
  delayMs?: number;
  contentType?: string;
}

export interface FakeProvider {
  baseUrl: string;
  requests: Array<{ url: URL; headers: Record<string, string | string[] | undefined> }>;
  reply(...replies: Array<Reply | ((url: URL) => Reply)>): void;
  /**
   * Settles once the client has hung up on a delayed reply before it was sent: the proof that the
   * client gave up by itself. Rejects if a delayed reply is delivered first.
   */
  whenAbandoned(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeProvider(basePath = '/'): Promise<FakeProvider> {
  let script: Array<Reply | ((url: URL) => Reply)> = [];
  const requests: FakeProvider['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  let abandoned = 0;
  let delivered = 0;
  const waiting = new Set<() => void>();
  const settle = () => {
    for (const check of waiting) check();
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, headers: req.headers });
    const next = script.length > 1 ? script.shift() : script[0];
    if (!next) {
      res.writeHead(500).end();
      return;
    }
    const reply = typeof next === 'function' ? next(url) : next;
    const send = () => {
      const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' }).end(payload);
    };
    if (reply.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (res.destroyed) return;
        send();
        delivered += 1;
        settle();
      }, reply.delayMs);
      timers.add(timer);
      res.on('close', () => {
        if (res.writableEnded) return;
        abandoned += 1;
        settle();
      });
    } else {
      send();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    requests,
    reply: (...replies) => {
      script = replies;
    },
    whenAbandoned: () =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (abandoned > 0) resolve();
          else if (delivered > 0) reject(new Error('the delayed reply was delivered: the client waited for it'));
          else return;
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      }),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
