import type { CampaignStatus, Language, TargetKind } from '../domain.ts';

/** The text of a campaign in one language. Templates use the placeholders in templates.ts. */
export interface CampaignContent {
  title: string;
  summary: string;
  /** Markdown, rendered through the sanitiser. */
  body: string;
  callScript: string;
  message: string;
  shareText: string;
}

export interface CustomTarget {
  id: string;
  name: string;
  title: string;
  phone: string | null;
  email: string | null;
  contactUrl: string | null;
}

export interface CampaignTheme {
  /** CSS hex colour, e.g. "#0b5394". */
  color: string | null;
  logoUrl: string | null;
}

export interface Campaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  date: string;
  defaultLanguage: Language;
  content: Partial<Record<Language, CampaignContent>>;
  targets: TargetKind[];
  customTargets: CustomTarget[];
  tags: string[];
  shareImageUrl: string | null;
  theme: CampaignTheme;
  embedEnabled: boolean;
  /** Origins allowed to frame the widget ("https://www.example.org"); empty: any site. */
  embedOrigins: string[];
  goal: number | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Counts saves and status changes: the editor sends back the version it opened, and a save
   * against a newer one is refused rather than overwriting someone else's edit.
   */
  version: number;
}

/** Every field an organizer sets, as validation returns them. */
export type CampaignFields = Omit<Campaign, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** A campaign to store; `embedOrigins` may be left out (no restriction), as campaigns written before it were. */
export type NewCampaign = Omit<CampaignFields, 'embedOrigins'> & { embedOrigins?: string[] };

export const isLive = (campaign: Campaign): boolean => campaign.status === 'live';

/** The campaign's text in the asked language, falling back to its default language. */
export function contentIn(campaign: Campaign, lang: Language): { lang: Language; content: CampaignContent } {
  const asked = campaign.content[lang];
  if (asked) return { lang, content: asked };
  const fallback = campaign.content[campaign.defaultLanguage];
  if (fallback) return { lang: campaign.defaultLanguage, content: fallback };
  const [first] = Object.entries(campaign.content) as [Language, CampaignContent][];
  if (!first) throw new Error(`Campaign ${campaign.slug} has no content`);
  return { lang: first[0], content: first[1] };
}
