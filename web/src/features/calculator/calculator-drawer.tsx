// Placeholder until the calculator is built (issue 6, in progress).
export function CalculatorDrawer(_props: { partnerId: string; opened: boolean; onClose: () => void }) {
  return null;
}
