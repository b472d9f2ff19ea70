import { defineMessages } from '../../i18n/define.ts';

export const tierMessages = defineMessages({
  en: {
    title: 'Tier',
    asOf: 'Figures as of {{date}}',
    tabs: { overview: 'Tier', breakdown: 'Points breakdown' },
    summary: {
      tier: 'Your tier',
      since: 'since {{date}}',
      sold: 'Sold points',
      managed: 'Managed points',
      total: 'Total points',
    },
    openCalculator: 'Points calculator',
  },
  sv: {
    title: 'Nivå',
    asOf: 'Siffror per {{date}}',
    tabs: { overview: 'Nivå', breakdown: 'Poängfördelning' },
    summary: {
      tier: 'Din nivå',
      since: 'sedan {{date}}',
      sold: 'Sålda poäng',
      managed: 'Hanterade poäng',
      total: 'Totalt antal poäng',
    },
    openCalculator: 'Poängkalkylator',
  },
  nl: {
    title: 'Niveau',
    asOf: 'Cijfers per {{date}}',
    tabs: { overview: 'Niveau', breakdown: 'Puntenverdeling' },
    summary: {
      tier: 'Je niveau',
      since: 'sinds {{date}}',
      sold: 'Verkooppunten',
      managed: 'Beheerpunten',
      total: 'Totaal aantal punten',
    },
    openCalculator: 'Puntencalculator',
  },
});
