import type { Language } from '../domain.ts';
import { type Campaign, type CustomTarget, contentIn } from './campaign.ts';
import type { TitledPerson } from './official-titles.ts';
import { type ParsedTemplate, parseTemplate } from './templates.ts';

/** A custom target, for `[official]` and `[office]`: its title is the organizer's own words. */
export const customTargetPerson = (target: CustomTarget): TitledPerson => ({
  name: target.name,
  title: target.title,
  role: 'custom',
  gender: null,
});

export interface CampaignTemplates {
  /** The language the texts are in (the campaign's default when the asked one is missing). */
  lang: Language;
  callScript: ParsedTemplate | null;
  message: ParsedTemplate | null;
}

/** The campaign's call script and message, parsed. Saved campaigns were validated, so both parse. */
export function campaignTemplates(campaign: Campaign, lang: Language): CampaignTemplates {
  const { lang: used, content } = contentIn(campaign, lang);
  const parse = (text: string) => {
    if (!text.trim()) return null;
    const result = parseTemplate(text);
    return result.ok ? result.template : null;
  };
  return { lang: used, callScript: parse(content.callScript), message: parse(content.message) };
}
