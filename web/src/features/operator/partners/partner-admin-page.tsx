// One partner's admin page (being built).
import { Title } from '@mantine/core';
import { useParams } from 'react-router';

export default function PartnerAdminPage() {
  const { partnerId = '' } = useParams();
  return <Title order={1}>{partnerId}</Title>;
}
