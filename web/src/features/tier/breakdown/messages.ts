// The Points breakdown tab and the client history drawer, keys read t('breakdown.…').
// One file per language (together they would make this one too long); Swedish and Dutch
// must have exactly the English keys (SameShape there, defineMessages here).
import { defineMessages } from '../../../i18n/define.ts';
import { en } from './messages.en.ts';
import { nl } from './messages.nl.ts';
import { sv } from './messages.sv.ts';

export const breakdownMessages = defineMessages({ en, sv, nl });
