// Placeholder until this panel is built (issue 5, in progress).
export function CommissionPanel(_props: { partnerId: string }) {
  return null;
}
