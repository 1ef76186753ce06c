import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Starting Voz (or a baseline) in its own process, as in production, and reading its vitals. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawn until the wanted number of processes logged "listening". */
  readyMs: number;
  /** The server's own `readyMs` log field, when it has one: from its start-up code to listening. */
  reportedReadyMs: number | null;
  stop(): Promise<void>;
}

/**
 * Spawns `node --import tsx <script> [args]` (plain `node` for bundled JavaScript) and waits for
 * `listening` log lines (JSON lines on stderr, with the URL) from `listeners` processes.
 */
export function startServer(options: {
  script: string;
  args?: string[];
  env: Record<string, string>;
  listeners?: number;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const started = performance.now();
  const loader = options.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, options.script, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wanted = options.listeners ?? 1;
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffer = '';
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${options.script} did not start within ${options.timeoutMs ?? 60_000} ms:\n${log.slice(-2000)}`),
      );
    }, options.timeoutMs ?? 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.script} exited with ${code} before it was ready:\n${log.slice(-2000)}`));
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      log += chunk.toString();
      let nl = buffer.indexOf('\n');
      while (nl !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
        let entry: { msg?: string; url?: string; readyMs?: number } | null = null;
        try {
          entry = JSON.parse(line);
        } catch {
          continue;
        }
        if (entry?.msg !== 'listening' || !entry.url) continue;
        seen++;
        if (seen === wanted) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve({
            url: entry.url,
            pid: child.pid!,
            readyMs: performance.now() - started,
            reportedReadyMs: entry.readyMs ?? null,
            stop: () => stop(child),
          });
        }
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** User + system CPU seconds a process has used (Linux /proc/<pid>/stat, in clock ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Direct children of a process, e.g. cluster workers. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process exited while /proc was being read
    }
  }
  return children;
}
