/**
 * One vocabulary of party names for every official, the party's own name: congress-legislators
 * publishes members' party as "Democrat", Open States publishes governors' and state
 * legislators' as "Democratic" (the Democratic Party's name). Other names are kept as published.
 */
const PARTY_NAMES: Record<string, string> = { Democrat: 'Democratic' };

export function partyName(published: string | null | undefined): string | null {
  const name = published?.trim();
  if (!name) return null;
  return PARTY_NAMES[name] ?? name;
}
