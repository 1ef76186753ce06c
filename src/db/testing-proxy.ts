import net from 'node:net';

/**
 * A TCP proxy in front of the test PostgreSQL server, for outage tests: it forwards, refuses
 * (the port is closed and open connections are reset, as when the server is down), or goes
 * silent (connections are accepted and bytes are held, as when a host or route dies and nothing
 * answers, not even a reset).
 */
export type ProxyMode = 'forward' | 'refuse' | 'silent';

export interface TestProxy {
  port: number;
  /** The target URL with the proxy's host and port. */
  url(target: string): string;
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

export async function startTestProxy(target: string): Promise<TestProxy> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<net.Socket>();
  let mode: ProxyMode = 'forward';

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (mode === 'silent') {
      client.pause();
      return;
    }
    const upstream = net.connect(Number(targetPort || 5432), hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const port = await listen(0);
  const resetAll = () => {
    for (const socket of sockets) socket.destroy();
  };

  return {
    port,
    url(base) {
      const url = new URL(base);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === 'refuse') {
        resetAll();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        return;
      }
      if (next === 'silent') {
        // Held, not dropped: nothing is answered and nothing fails on its own.
        for (const socket of sockets) {
          socket.unpipe();
          socket.pause();
        }
        if (previous === 'refuse') await listen(port);
        return;
      }
      // Back to forwarding: held connections are reset (their streams are mid-message), and new
      // ones are forwarded again.
      resetAll();
      if (previous === 'refuse') await listen(port);
    },
    async close() {
      resetAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
