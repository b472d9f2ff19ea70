// Who did something to the program: a user's email, or the command line (no user).
import type { TFunction } from 'i18next';
import type { ProgramPerson } from '../../../lib/api-types.ts';

export function personText(t: TFunction, person: ProgramPerson): string {
  return person.email ?? (person.userId === null ? t('opProgram.commandLine') : t('opProgram.deletedUser'));
}
