import { readFileSync } from 'node:fs';
import http from 'node:http';

/**
 * The throughput baseline: a bare node:http server answering each path with bytes and headers
 * recorded from Voz, so the comparison measures only what Voz adds. Usage: bare-server.ts <file.json>
 */
interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const recorded = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, Recorded>;
const responses = new Map(
  Object.entries(recorded).map(([url, r]) => [url, { ...r, bytes: Buffer.from(r.body, 'base64') }]),
);

const server = http.createServer((req, res) => {
  const found = responses.get(req.url ?? '');
  if (!found) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(found.status, found.headers);
  res.end(found.bytes);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stderr.write(`${JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${address.port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
