import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SourceDefinition } from '../sources.ts';

/**
 * Upstream commit and date of each source, when known. `voz data sync` writes them to
 * MANIFEST_FILE; for a hand-made mirror, its README's per-source sections ("## 1. `congress-legislators/`
 * … commit `<40 hex>` … 2026-06-15") are read on a best-effort basis.
 */
export const MANIFEST_FILE = 'voz-manifest.json';

export interface SourceMeta {
  commit: string | null;
  date: string | null;
}

const manifestSchema = z.object({
  syncedAt: z.string(),
  from: z.string(),
  sources: z.record(z.string(), z.object({ commit: z.string().nullable(), date: z.string().nullable() })),
  /**
   * Problems (`file:line: message`) that `voz data sync --accept-skipped` accepted: those records
   * are skipped when loading. Any other problem still keeps the data from being served.
   */
  accepted: z.array(z.string()).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

const README_DIRS: Record<string, SourceDefinition['key']> = {
  'congress-legislators': 'congress',
  'zip-district': 'zip-district',
  'zcta-centroids': 'zcta-centroids',
  'district-boundaries': 'district-boundaries',
  'openstates-people': 'openstates',
};

export async function readSourceMeta(
  dataDir: string,
): Promise<{ meta: Record<string, SourceMeta>; syncedAt: string | null; accepted: string[] }> {
  const manifest = await readFile(path.join(dataDir, MANIFEST_FILE), 'utf8').catch(() => null);
  if (manifest !== null) {
    try {
      const parsed = manifestSchema.parse(JSON.parse(manifest));
      return { meta: parsed.sources, syncedAt: parsed.syncedAt, accepted: parsed.accepted ?? [] };
    } catch {
      // An unreadable manifest only loses provenance; the data itself is validated separately.
    }
  }
  const readme = await readFile(path.join(dataDir, 'README.md'), 'utf8').catch(() => '');
  const meta: Record<string, SourceMeta> = {};
  for (const section of readme.split(/\n(?=## )/)) {
    const heading = /^## \d+\. `([\w-]+)\/`/.exec(section);
    const key = heading ? README_DIRS[heading[1]!] : undefined;
    if (!key) continue;
    const commit = /`([0-9a-f]{40})`/.exec(section);
    const after = commit ? section.slice(commit.index) : section;
    const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(after);
    meta[key] = { commit: commit?.[1] ?? null, date: date?.[1] ?? null };
  }
  return { meta, syncedAt: null, accepted: [] };
}
