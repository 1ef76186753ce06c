import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, startApp } from '../test/e2e/harness.ts';

/**
 * The supporter pages' budget: bytes on the wire for a campaign page in total (HTML, CSS and JS,
 * as compressed), requests to other hosts, and Lighthouse's mobile scores in the same Chromium.
 * Budget (issue 3): ≤ 30 KB, zero other hosts, performance ≥ 95, accessibility 100.
 *
 * Run alone with `node --import tsx bench/pages.ts`, or call `measurePages()` from bench/run.ts.
 */

export const BUDGET = { maxKb: 30, minPerformance: 95, minAccessibility: 100 } as const;

export interface PageWeight {
  path: string;
  requests: number;
  /** Compressed bytes of every response body, as Chromium received them. */
  transferBytes: number;
  byType: Record<string, number>;
  foreignRequests: string[];
}

export interface LighthouseScores {
  path: string;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

const PATHS = ['/c/protect-asylum', '/c/protect-asylum/officials?zip=94110', '/c/protect-asylum?lang=es'];
const here = path.dirname(fileURLToPath(import.meta.url));
const LIGHTHOUSE = path.resolve(here, '../node_modules/.bin/lighthouse');
const run = promisify(execFile);

async function weigh(baseUrl: string, paths: string[]): Promise<PageWeight[]> {
  const browser = await launchBrowser();
  try {
    const out: PageWeight[] = [];
    for (const p of paths) {
      // A fresh context each time: nothing cached, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const responses: Array<Promise<{ type: string; bytes: number; url: string }>> = [];
      page.on('requestfinished', (request) => {
        responses.push(
          request.sizes().then((sizes) => ({
            type: request.resourceType(),
            bytes: sizes.responseBodySize,
            url: request.url(),
          })),
        );
      });
      await page.goto(new URL(p, baseUrl).toString(), { waitUntil: 'networkidle' });
      const done = await Promise.all(responses);
      const origin = new URL(baseUrl).origin;
      const byType: Record<string, number> = {};
      for (const r of done) byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
      out.push({
        path: p,
        requests: done.length,
        transferBytes: done.reduce((sum, r) => sum + r.bytes, 0),
        byType,
        foreignRequests: done.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:')).map((r) => r.url),
      });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function lighthouse(baseUrl: string, p: string): Promise<LighthouseScores> {
  const dir = mkdtempSync(path.join(tmpdir(), 'voz-lh-'));
  const report = path.join(dir, 'report.json');
  try {
    await run(
      LIGHTHOUSE,
      [
        new URL(p, baseUrl).toString(),
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--only-categories=performance,accessibility',
        '--form-factor=mobile',
        `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, timeout: 180_000 },
    );
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { numericValue?: number }>;
    };
    const audit = (id: string) => json.audits[id]?.numericValue ?? Number.NaN;
    return {
      path: p,
      performance: Math.round((json.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((json.categories.accessibility?.score ?? 0) * 100),
      fcpMs: Math.round(audit('first-contentful-paint')),
      lcpMs: Math.round(audit('largest-contentful-paint')),
      tbtMs: Math.round(audit('total-blocking-time')),
      cls: audit('cumulative-layout-shift'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PagesFigures {
  weights: PageWeight[];
  lighthouse: LighthouseScores[];
  withinBudget: boolean;
}

export async function measurePages(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
  const app = await startApp();
  try {
    const weights = await weigh(app.baseUrl, PATHS);
    log('## Supporter pages: bytes on the wire (first visit, compressed)');
    for (const w of weights) {
      const parts = Object.entries(w.byType)
        .map(([type, bytes]) => `${type} ${(bytes / 1024).toFixed(1)}`)
        .join(', ');
      log(
        `${w.path.padEnd(42)} ${(w.transferBytes / 1024).toFixed(1).padStart(5)} KB in ${w.requests} requests (${parts}); other hosts: ${w.foreignRequests.length}`,
      );
    }
    const scores: LighthouseScores[] = [];
    for (const p of PATHS.slice(0, 2)) {
      // One retry: on a shared machine Chromium occasionally loses its target mid-run.
      scores.push(await lighthouse(app.baseUrl, p).catch(() => lighthouse(app.baseUrl, p)));
    }
    log('## Lighthouse, mobile, same Chromium');
    for (const s of scores) {
      log(
        `${s.path.padEnd(42)} performance ${s.performance}, accessibility ${s.accessibility} (FCP ${s.fcpMs} ms, LCP ${s.lcpMs} ms, TBT ${s.tbtMs} ms, CLS ${s.cls.toFixed(3)})`,
      );
    }
    const campaign = weights[0]!;
    const withinBudget =
      campaign.transferBytes <= BUDGET.maxKb * 1024 &&
      weights.every((w) => w.foreignRequests.length === 0) &&
      // The budget names the campaign page; the officials step is measured alongside for information.
      (scores[0]?.performance ?? 0) >= BUDGET.minPerformance &&
      scores.every((s) => s.accessibility >= BUDGET.minAccessibility);
    log(
      `Budget (campaign page ≤ ${BUDGET.maxKb} KB, no other hosts, performance ≥ ${BUDGET.minPerformance}, accessibility ${BUDGET.minAccessibility}): ${withinBudget ? 'met' : 'NOT met'}`,
    );
    return { weights, lighthouse: scores, withinBudget } satisfies PagesFigures;
  } finally {
    await app.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  measurePages().then(
    (figures) => process.exit(figures.withinBudget ? 0 : 1),
    (err: unknown) => {
      process.stderr.write(`bench/pages: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
