// Placeholder until this panel is built (issue 5, in progress).
export function SharedSalesPanel(_props: { partnerId: string; today: string }) {
  return null;
}
