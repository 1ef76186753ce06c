import type { CampaignFields } from './campaign.ts';

/**
 * A complete, valid campaign for tests (here and in the pages and workspace), in the structured
 * shape `parseCampaignInput` accepts. Override what a test is about.
 */
export function sampleCampaignInput(overrides: Partial<CampaignFields> = {}): CampaignFields {
  return {
    slug: 'fund-legal-aid',
    status: 'live',
    date: '2026-11-02',
    defaultLanguage: 'en',
    content: {
      en: {
        title: 'Fund legal aid for families',
        summary: 'Ask Congress to fund lawyers for families in immigration court.',
        body: 'Families facing deportation **have no right to a lawyer**. Ask for funding.',
        callScript: 'Hello, my name is [name] from [city]. I am calling [office] to ask for legal aid funding.',
        message: 'Dear [official],\n\nI am [title or role] of [organization], working with [community].\n\n[name]',
        shareText: 'I asked Congress to fund legal aid.',
      },
      es: {
        title: 'Fondos para asistencia legal',
        summary: 'Pida al Congreso fondos para abogados de familias en corte de inmigración.',
        body: 'Las familias **no tienen derecho a un abogado**.',
        callScript: 'Hola, me llamo [nombre] y vivo en [ciudad]. Llamo a [oficina] para pedir fondos.',
        message: 'Estimado/a [official]:\n\nSoy [title or role] de [organization], con [community].\n\n[name]',
        shareText: 'Le pedí al Congreso fondos para asistencia legal.',
      },
    },
    targets: ['senators', 'representative', 'custom'],
    customTargets: [
      {
        id: 'custom-city-hall',
        name: 'Jordan Lee',
        title: 'Mayor',
        phone: '415-555-0100',
        email: 'mayor@example.org',
        contactUrl: 'https://example.org/contact',
      },
    ],
    tags: ['legal aid', 'courts'],
    shareImageUrl: 'https://example.org/share.png',
    theme: { color: '#0b5394', logoUrl: 'https://example.org/logo.png' },
    embedEnabled: true,
    embedOrigins: [],
    goal: 500,
    ...overrides,
  };
}
