// An import's status as a coloured badge: queued, running, imported, failed.
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../lib/api-types.ts';
import { type Tone, ToneBadge } from '../../../ui/tone.tsx';

const TONE: Record<ImportSummary['status'], Tone> = {
  queued: 'yellow',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
};

export function ImportOutcome({ status }: { status: ImportSummary['status'] }) {
  const { t } = useTranslation();
  return <ToneBadge tone={TONE[status]}>{t(`opImports.status.${status}`)}</ToneBadge>;
}
