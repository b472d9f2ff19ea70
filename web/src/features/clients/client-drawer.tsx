// Placeholder until this panel is built (issue 5, in progress).
export function ClientDrawer(_props: { partnerId: string; clientId: string; onClose: () => void }) {
  return null;
}
