import type { Language } from '../domain.ts';

/**
 * What the supporter reads about an address lookup, in English and Spanish. Pages pick by the
 * lookup's `status`; the API carries the English text in `address.message`.
 */

/** Shown beside the address field: the address is used once and not kept. */
export const ADDRESS_PRIVACY: Record<Language, string> = {
  en: 'Your address is used once to find your districts and is not kept.',
  es: 'Usamos su dirección una sola vez para encontrar sus distritos y no la guardamos.',
};

/**
 * `near_boundary`: the provider gave only a point, and it lies so close to a district line that
 * Voz's approximate district map cannot place it; the supporter chooses among the candidates.
 */
export type AddressStatus = 'matched' | 'multiple' | 'near_boundary' | 'no_match' | 'unavailable';

interface MessageInput {
  status: AddressStatus;
  zip: string | null;
  /** Whether the ZIP's own answer is shown as the fallback. */
  fallback: boolean;
}

const en = ({ status, zip, fallback }: MessageInput): string | null => {
  const choose = fallback && zip ? ` Here are the districts for ZIP code ${zip}: choose yours.` : '';
  switch (status) {
    case 'matched':
      return null;
    case 'multiple':
      return `That address matches more than one place. Choose yours below, or add the city and ZIP code.${choose}`;
    case 'near_boundary':
      return 'That address is close to a district boundary, and our district map is not precise enough there to tell which side it is on. Choose your district below.';
    case 'no_match':
      return fallback
        ? `We could not find that street address.${choose} You can also check the address and try again.`
        : 'We could not find that street address. Check it, or add the city and ZIP code.';
    case 'unavailable':
      return fallback
        ? `Address lookup is not available right now.${choose}`
        : 'Address lookup is not available right now. Enter your ZIP code instead.';
  }
};

const es = ({ status, zip, fallback }: MessageInput): string | null => {
  const choose = fallback && zip ? ` Estos son los distritos del código postal ${zip}: elija el suyo.` : '';
  switch (status) {
    case 'matched':
      return null;
    case 'multiple':
      return `Esa dirección coincide con más de un lugar. Elija la suya o agregue la ciudad y el código postal.${choose}`;
    case 'near_boundary':
      return 'Esa dirección está cerca del límite entre dos distritos y nuestro mapa de distritos no es lo bastante preciso allí para saber de qué lado queda. Elija su distrito abajo.';
    case 'no_match':
      return fallback
        ? `No encontramos esa dirección.${choose} También puede revisarla e intentarlo de nuevo.`
        : 'No encontramos esa dirección. Revísela o agregue la ciudad y el código postal.';
    case 'unavailable':
      return fallback
        ? `La búsqueda por dirección no está disponible en este momento.${choose}`
        : 'La búsqueda por dirección no está disponible en este momento. Escriba su código postal.';
  }
};

export function addressMessage(language: Language, input: MessageInput): string | null {
  return language === 'es' ? es(input) : en(input);
}

/** When the provider gives no state legislative districts (a coordinates-only provider). */
export const NO_STATE_LEGISLATORS: Record<Language, string> = {
  en: 'Your state legislators could not be found from this address.',
  es: 'No pudimos encontrar a sus legisladores estatales con esta dirección.',
};
