// The Tier page's program notice: the version the figures use and changes coming on a date.
import { defineMessages } from '../../../i18n/define.ts';

export const tierProgramMessages = defineMessages({
  en: {
    version: 'Program version {{version}}: {{name}}',
    example: 'Program: {{name}}',
    coming: 'Coming changes to the program',
    from: 'From {{date}}',
    tierTotal: '{{tier}} needs {{after}} total points (now {{before}})',
    tierTotalNew: '{{tier}} needs {{after}} total points',
    tierSeller: '{{tier}} needs {{after}} seller points (now {{before}})',
    tierSellerNew: '{{tier}} needs {{after}} seller points',
    tierManaged: '{{tier}} needs {{after}} managed points (now {{before}})',
    tierManagedNew: '{{tier}} needs {{after}} managed points',
    tierRemoved: '{{tier}} is no longer a tier',
    rate: {
      sourced: 'A sourced deal earns {{after}} points per 100 of MRR (now {{before}})',
      assisted: 'An assisted deal earns {{after}} points per 100 of MRR (now {{before}})',
      managed: 'A managed client earns {{after}} points per 100 of MRR (now {{before}})',
    },
    growthMultiplier: 'Deals in growth markets count {{after}} times (now {{before}})',
    sellerMinimum: {
      sold: 'The seller minimum counts sold points (sourced and assisted)',
      sourced: 'The seller minimum counts sourced points only',
    },
    certification: {
      required: 'Every tier needs a valid certification',
      notRequired: 'Tiers no longer need a certification',
    },
    lifetime: 'Sold points count for {{after}} months (now {{before}})',
  },
  sv: {
    version: 'Programversion {{version}}: {{name}}',
    example: 'Programmet: {{name}}',
    coming: 'Kommande ändringar i programmet',
    from: 'Från {{date}}',
    tierTotal: '{{tier}} kräver {{after}} poäng totalt (nu {{before}})',
    tierTotalNew: '{{tier}} kräver {{after}} poäng totalt',
    tierSeller: '{{tier}} kräver {{after}} säljpoäng (nu {{before}})',
    tierSellerNew: '{{tier}} kräver {{after}} säljpoäng',
    tierManaged: '{{tier}} kräver {{after}} hanterade poäng (nu {{before}})',
    tierManagedNew: '{{tier}} kräver {{after}} hanterade poäng',
    tierRemoved: '{{tier}} upphör som nivå',
    rate: {
      sourced: 'En egen affär ger {{after}} poäng per 100 i MRR (nu {{before}})',
      assisted: 'En assisterad affär ger {{after}} poäng per 100 i MRR (nu {{before}})',
      managed: 'En hanterad kund ger {{after}} poäng per 100 i MRR (nu {{before}})',
    },
    growthMultiplier: 'Affärer på tillväxtmarknader räknas {{after}} gånger (nu {{before}})',
    sellerMinimum: {
      sold: 'Säljminimet räknar sålda poäng (egna och assisterade)',
      sourced: 'Säljminimet räknar bara poäng från egna affärer',
    },
    certification: {
      required: 'Varje nivå kräver en giltig certifiering',
      notRequired: 'Nivåerna kräver inte längre någon certifiering',
    },
    lifetime: 'Sålda poäng räknas i {{after}} månader (nu {{before}})',
  },
  nl: {
    version: 'Programmaversie {{version}}: {{name}}',
    example: 'Programma: {{name}}',
    coming: 'Komende wijzigingen in het programma',
    from: 'Vanaf {{date}}',
    tierTotal: '{{tier}} vraagt {{after}} punten in totaal (nu {{before}})',
    tierTotalNew: '{{tier}} vraagt {{after}} punten in totaal',
    tierSeller: '{{tier}} vraagt {{after}} verkooppunten (nu {{before}})',
    tierSellerNew: '{{tier}} vraagt {{after}} verkooppunten',
    tierManaged: '{{tier}} vraagt {{after}} beheerpunten (nu {{before}})',
    tierManagedNew: '{{tier}} vraagt {{after}} beheerpunten',
    tierRemoved: '{{tier}} is geen niveau meer',
    rate: {
      sourced: 'Een eigen deal levert {{after}} punten per 100 MRR op (nu {{before}})',
      assisted: 'Een geassisteerde deal levert {{after}} punten per 100 MRR op (nu {{before}})',
      managed: 'Een beheerde klant levert {{after}} punten per 100 MRR op (nu {{before}})',
    },
    growthMultiplier: 'Deals in groeimarkten tellen {{after}} keer (nu {{before}})',
    sellerMinimum: {
      sold: 'Het verkoopminimum telt verkooppunten (eigen en geassisteerd)',
      sourced: 'Het verkoopminimum telt alleen punten van eigen deals',
    },
    certification: {
      required: 'Elk niveau vraagt een geldige certificering',
      notRequired: 'Niveaus vragen geen certificering meer',
    },
    lifetime: 'Verkooppunten tellen {{after}} maanden (nu {{before}})',
  },
});
