// Dutch: the vendor's Dutch help terms (Puntenverdeling, Deal type, Markttype, groeimarkten,
// Verkochte punten, Beheerde punten).
import type { SameShape } from '../../../i18n/define.ts';
import type { en } from './messages.en.ts';

export const nl: SameShape<typeof en> = {
  title: 'Puntenverdeling',
  intro:
    'Verkochte en beheerde punten per klant op {{date}}. Kies een klant om de volledige geschiedenis te zien.',
  clientLine: '{{clientId}} · {{country}}',
  search: 'Klanten zoeken',
  dealType: {
    label: 'Deal type',
    all: 'Alle deal types',
    sourced: 'Aangebracht',
    assisted: 'Ondersteund',
  },
  market: {
    label: 'Markttype',
    all: 'Alle markten',
    growth: 'Groeimarkten',
    other: 'Overige markten',
  },
  column: {
    client: 'Klant',
    sold: 'Verkochte punten',
    sourced: 'Aangebracht',
    assisted: 'Ondersteund',
    soldTotal: 'Verkocht',
    managed: 'Beheerde punten',
    total: 'Totaal aantal punten',
  },
  splitOver: 'verdeeld over {{managers}} partners',
  totalsRow_other: 'Totaal van {{count}} klanten',
  totalsRow_one: 'Totaal van {{count}} klant',
  count_other: '{{count}} klanten',
  count_one: '{{count}} klant',
  pagination: 'Pagina’s van de puntenverdeling',
  empty: 'Nog geen enkele klant heeft punten.',
  noMatch: 'Geen klant voldoet aan deze filters.',
  openHistory: 'Puntengeschiedenis van {{name}}',
  growth: {
    label: 'Groeimarkt: vermenigvuldigde punten',
    tooltip:
      'Groeimarkt: punten voor een klant in een groeimarkt worden vermenigvuldigd met de groeimarktmultiplicator (verkochte punten als het land op de datum van de MRR-wijziging een groeimarkt was, beheerde punten op elke dag dat het er een is). Een deel van de punten van deze klant is vermenigvuldigd; de geschiedenis toont de multiplicator van elke post.',
  },
  history: {
    title: 'Puntengeschiedenis',
    subtitle: 'Puntengeschiedenis · {{clientId}} · cijfers per {{date}}',
    totals: {
      activeSold: 'Actieve verkochte punten',
      expiredSold: 'Verlopen verkochte punten',
      lostSold: 'Verloren door verlagingen',
      managed: 'Beheerde punten vandaag',
    },
    sold: {
      title: 'Geschiedenis van verkochte punten',
      caption:
        'Elke verkochte post: de MRR-wijziging erachter, de regel die de punten opleverde en wat er sindsdien mee gebeurde.',
      empty: 'Geen verkochte punten voor deze klant.',
      earned: 'Verdiend',
      entry: 'Product en deal',
      change: 'MRR-wijziging',
      rule: 'Regel',
      points: 'Punten',
      expires: 'Verloopt',
      status: 'Status',
      remaining: 'nog {{points}}',
      increase: '+{{amount}}',
      noDeal: 'Deal zonder naam',
      viaSeller: 'Toegekend als verkoper van record',
    },
    dealType: { sourced: 'Aangebracht', assisted: 'Ondersteund' },
    kind: { new: 'Nieuw', increased: 'Verhoogd' },
    status: {
      active: 'Actief',
      expired: 'Verlopen',
      declined: 'Afgewezen',
      decreased: 'Verlaagd',
      future: 'Gepland',
    },
    explain: {
      plain: '{{rate}} punten per 100 {{base}}, regelset {{ruleSet}}',
      growth:
        '{{rate}} punten per 100 {{base}} × {{multiplier}} groeimarktmultiplicator, regelset {{ruleSet}}',
      currency: 'Valutatabel {{ruleSet}}: {{amount}} telt als 100 {{base}}',
      rateLock: 'Tarief vastgelegd op de oorsprongsdatum van de productlijn, {{date}}',
    },
    decreases: {
      title: 'Verlagingen',
      date: 'Datum',
      kind: 'Soort',
      points: 'Verloren punten',
      backing: 'Verbruikte MRR',
      decreased: 'Verlaagd',
      declined: 'Afgewezen (opzegging)',
    },
    managed: {
      title: 'Beheerde punten per maand',
      caption:
        'Beheerde punten aan het eind van elke maand (en vandaag), gelijk verdeeld over de partners die de klant beheren.',
      empty: 'U hebt deze klant niet beheerd.',
      date: 'Maand',
      mrr: 'MRR van de klant',
      managers: 'Beherende partners',
      status: 'Beheer',
      points: 'Punten',
      you: 'Door u beheerd',
      notYou: 'Niet door u beheerd',
      today: '{{date}} (vandaag)',
      splitOver: 'verdeeld over {{managers}} partners',
    },
  },
};
