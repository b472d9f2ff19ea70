// Account performance: the median number of tools the partner's clients use, and whether
// the partner holds a valid certification (its name and until when).
import { Badge, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TierPage } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { MUTED } from './colors.ts';
import { Figure } from './figure.tsx';

function AccountBody({ data }: { data: TierPage }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { medianToolUsage: usage, certification: cert } = data.accountPerformance;
  const valid = cert?.valid ?? false;
  return (
    <Stack gap="lg" data-testid="account-performance">
      {usage ? (
        <Figure
          label={t('tierOverview.account.toolUsage')}
          value={<span data-testid="median-tool-usage">{f.number(usage.median, 1)}</span>}
          hint={t('tierOverview.account.toolUsageHint', { month: f.month(`${usage.month}-01`) })}
        />
      ) : (
        <Figure
          label={t('tierOverview.account.toolUsage')}
          value={<span data-testid="median-tool-usage">{t('common.none')}</span>}
          hint={t('tierOverview.account.noToolUsage')}
        />
      )}
      <Stack gap={4}>
        <Text size="xs" c={MUTED} tt="uppercase" fw={600}>
          {t('tierOverview.account.certification')}
        </Text>
        <div>
          <Badge
            size="lg"
            radius="sm"
            tt="none"
            variant="light"
            bg={valid ? 'teal.0' : 'red.0'}
            c={valid ? 'teal.9' : 'red.9'}
            data-testid="certification-status"
            data-certified={valid}
          >
            {valid ? t('tierOverview.account.certified') : t('tierOverview.account.notCertified')}
          </Badge>
        </div>
        {cert ? (
          <>
            <Text size="sm" fw={600} data-testid="certification-name">
              {cert.name}
            </Text>
            <Text size="sm" c={MUTED} data-testid="certification-until">
              {valid
                ? t('tierOverview.account.validUntil', { date: f.date(cert.validUntil) })
                : cert.validFrom > data.asOf
                  ? t('tierOverview.account.validFrom', { date: f.date(cert.validFrom) })
                  : t('tierOverview.account.expiredOn', { date: f.date(cert.validUntil) })}
            </Text>
          </>
        ) : (
          <Text size="sm" c={MUTED}>
            {t('tierOverview.account.noCertification')}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

export function AccountPanel({ query }: { query: UseQueryResult<TierPage> }) {
  const { t } = useTranslation();
  return (
    <Panel id="account-performance" title={t('tierOverview.account.title')} query={query}>
      {(data) => <AccountBody data={data} />}
    </Panel>
  );
}
