// Clients table, client panel (drawer) and upcoming renewals, keys read t('clients.…').
// One file per language (each would otherwise make this one too long); Swedish and Dutch
// must have exactly the English keys (SameShape there, defineMessages here).
import { defineMessages } from '../../i18n/define.ts';
import { en } from './messages.en.ts';
import { nl } from './messages.nl.ts';
import { sv } from './messages.sv.ts';

export const clientMessages = defineMessages({ en, sv, nl });
