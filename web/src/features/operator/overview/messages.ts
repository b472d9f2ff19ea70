// The console's overview page.
import { defineMessages } from '../../../i18n/define.ts';

export const opOverviewMessages = defineMessages({
  en: {
    title: 'Overview',
    partnersTotal: '{{count}} partners',
    none: 'No tier',
    tiers: {
      title: 'Partners per tier',
      credited: 'Credited',
      performing: 'Performing',
      chart: 'Partners per tier, credited and performing',
    },
    distribution: {
      title: 'Total points distribution',
      chart: 'Partners by total points',
      bucket: '{{from}}–{{to}} points',
    },
    movers: {
      title: "This month's movers",
      up: 'Tier up',
      down: 'Tier down',
      gains: 'Biggest point gains',
      losses: 'Biggest point losses',
      all: 'All, sorted',
    },
    risk: {
      title: 'At risk at the next review day',
      reviewDay: 'Review day {{date}}',
      short: '{{points}} points short',
      all: 'All at risk',
    },
    renewals: {
      title: 'Renewal decisions in the next {{days}} days',
      count: '{{renewals}} renewals at {{partners}} partners',
    },
    fresh: {
      title: 'Data freshness',
      lastImport: 'Last import',
      program: 'Program loaded',
      live: 'Last live change',
      derived: 'Standing as of',
      never: 'Never',
    },
  },
  sv: {
    title: 'Översikt',
    partnersTotal: '{{count}} partner',
    none: 'Ingen nivå',
    tiers: {
      title: 'Partner per nivå',
      credited: 'Tilldelad',
      performing: 'Presterar',
      chart: 'Partner per nivå, tilldelad och presterande',
    },
    distribution: {
      title: 'Fördelning av totalpoäng',
      chart: 'Partner efter totalpoäng',
      bucket: '{{from}}–{{to}} poäng',
    },
    movers: {
      title: 'Månadens förändringar',
      up: 'Upp en nivå',
      down: 'Ned en nivå',
      gains: 'Största poängökningar',
      losses: 'Största poängförluster',
      all: 'Alla, sorterade',
    },
    risk: {
      title: 'I riskzonen vid nästa granskningsdag',
      reviewDay: 'Granskningsdag {{date}}',
      short: '{{points}} poäng saknas',
      all: 'Alla i riskzonen',
    },
    renewals: {
      title: 'Förnyelsebeslut de närmaste {{days}} dagarna',
      count: '{{renewals}} förnyelser hos {{partners}} partner',
    },
    fresh: {
      title: 'Datans aktualitet',
      lastImport: 'Senaste import',
      program: 'Program laddat',
      live: 'Senaste liveändring',
      derived: 'Ställning per',
      never: 'Aldrig',
    },
  },
  nl: {
    title: 'Overzicht',
    partnersTotal: '{{count}} partnerbedrijven',
    none: 'Geen niveau',
    tiers: {
      title: 'Partners per niveau',
      credited: 'Toegekend',
      performing: 'Presteert',
      chart: 'Partners per niveau, toegekend en presterend',
    },
    distribution: {
      title: 'Verdeling van totaalpunten',
      chart: 'Partners naar totaalpunten',
      bucket: '{{from}}–{{to}} punten',
    },
    movers: {
      title: 'Verschuivingen deze maand',
      up: 'Niveau omhoog',
      down: 'Niveau omlaag',
      gains: 'Grootste puntenwinst',
      losses: 'Grootste puntenverlies',
      all: 'Alle, gesorteerd',
    },
    risk: {
      title: 'Risico op de volgende beoordelingsdag',
      reviewDay: 'Beoordelingsdag {{date}}',
      short: '{{points}} punten tekort',
      all: 'Alle met risico',
    },
    renewals: {
      title: 'Verlengingsbesluiten in de komende {{days}} dagen',
      count: '{{renewals}} verlengingen bij {{partners}} partners',
    },
    fresh: {
      title: 'Actualiteit van de gegevens',
      lastImport: 'Laatste import',
      program: 'Programma geladen',
      live: 'Laatste live wijziging',
      derived: 'Stand per',
      never: 'Nooit',
    },
  },
});
