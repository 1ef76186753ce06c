import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let work: string;
let taken: Server;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'voz-server-'));
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await new Promise((resolve) => taken.close(resolve));
  await rm(work, { recursive: true, force: true });
});

test('a port already in use stops start-up with one line naming the port, and a non-zero exit', async () => {
  const port = (taken.address() as AddressInfo).port;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(root, 'src/officials/fixtures/tiny'),
      VAR_DIR: path.join(work, 'var'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  assert.equal(code, 1);
  assert.equal(
    stderr,
    `voz: port ${port} on 127.0.0.1 is already in use: stop the other server, or set PORT to a free port\n`,
  );
});
