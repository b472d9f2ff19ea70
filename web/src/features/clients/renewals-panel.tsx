// Placeholder until this panel is built (issue 5, in progress).
export function UpcomingRenewalsPanel(_props: {
  partnerId: string;
  onOpenClient: (clientId: string) => void;
}) {
  return null;
}
