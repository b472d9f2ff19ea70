// The console's backups page.
import { defineMessages } from '../../../i18n/define.ts';

export const opBackupsMessages = defineMessages({
  en: {
    title: 'Backups',
    intro:
      'The server keeps a daily backup of the embedded database in the data folder (the newest 7 unless configured otherwise). Take one now or download one here.',
    now: 'Back up now',
    taken: 'Backup {{name}} taken.',
    col: {
      when: 'Taken',
      size: 'Size',
      schema: 'Schema version',
      program: 'Program version',
      tierwise: 'Tierwise',
    },
    download: 'Download',
    downloadFor: 'Download the backup taken {{when}}',
    empty: 'No backups yet.',
    restoreTitle: 'Restoring',
    restore:
      'Restoring replaces the whole database, so it is done on the command line with the server stopped:',
  },
  sv: {
    title: 'Säkerhetskopior',
    intro:
      'Servern tar en daglig säkerhetskopia av den inbyggda databasen i datamappen (de 7 senaste sparas om inget annat är inställt). Ta en nu eller ladda ner en här.',
    now: 'Säkerhetskopiera nu',
    taken: 'Säkerhetskopian {{name}} är tagen.',
    col: {
      when: 'Tagen',
      size: 'Storlek',
      schema: 'Schemaversion',
      program: 'Programversion',
      tierwise: 'Tierwise',
    },
    download: 'Ladda ner',
    downloadFor: 'Ladda ner säkerhetskopian från {{when}}',
    empty: 'Inga säkerhetskopior ännu.',
    restoreTitle: 'Återställning',
    restore: 'En återställning ersätter hela databasen och görs därför på kommandoraden med servern stoppad:',
  },
  nl: {
    title: 'Back-ups',
    intro:
      'De server maakt dagelijks een back-up van de ingebouwde database in de datamap (de nieuwste 7, tenzij anders ingesteld). Maak er nu een of download er een.',
    now: 'Nu back-up maken',
    taken: 'Back-up {{name}} gemaakt.',
    col: {
      when: 'Gemaakt',
      size: 'Grootte',
      schema: 'Schemaversie',
      program: 'Programmaversie',
      tierwise: 'Tierwise',
    },
    download: 'Downloaden',
    downloadFor: 'De back-up van {{when}} downloaden',
    empty: 'Nog geen back-ups.',
    restoreTitle: 'Terugzetten',
    restore:
      'Terugzetten vervangt de hele database en gebeurt daarom op de opdrachtregel met de server gestopt:',
  },
});
