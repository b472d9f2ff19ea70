// Placeholder until this part of the Tier page is built (issue 6, in progress).
export function PointsBreakdown(_props: { partnerId: string }) {
  return null;
}
