/**
 * The site's sections: a sidebar group and a landing-page section each, in this order. An
 * operation's declaration names its section; the labels are the only text here, one per locale.
 */
export const SECTIONS = [
  {
    id: 'reserves',
    label: { en: 'Reserves', es: 'Reservas', 'pt-BR': 'Reservas' },
  },
  {
    id: 'refunds',
    label: { en: 'Refunds and cancellations', es: 'Reembolsos y cancelaciones', 'pt-BR': 'Reembolsos e cancelamentos' },
  },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const SECTION_IDS = SECTIONS.map((section) => section.id) as [SectionId, ...SectionId[]];
