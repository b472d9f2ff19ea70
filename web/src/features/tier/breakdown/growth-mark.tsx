// The info mark of a client where the growth multiplier applied: a small button whose
// tooltip explains the multiplier on hover, on keyboard focus and on touch.
import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InfoIcon } from '../../../ui/icons.tsx';

export function GrowthMark() {
  const { t } = useTranslation();
  return (
    <Tooltip
      label={t('breakdown.growth.tooltip')}
      events={{ hover: true, focus: true, touch: true }}
      multiline
      w={300}
      withArrow
      position="top"
    >
      <ActionIcon
        variant="subtle"
        color="teal.9"
        size="sm"
        radius="xl"
        aria-label={t('breakdown.growth.label')}
        data-testid="growth-mark"
      >
        <InfoIcon size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
