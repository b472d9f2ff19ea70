// Placeholder until this panel is built (issue 5, in progress).
export function ClientsPanel(_props: { partnerId: string; onOpenClient: (clientId: string) => void }) {
  return null;
}
