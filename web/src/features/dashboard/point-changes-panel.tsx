// Placeholder until this panel is built (issue 5, in progress).
export function PointChangesPanel(_props: { partnerId: string; today: string }) {
  return null;
}
