// Placeholder until this part of the Tier page is built (issue 6, in progress).
export function TierOverview(_props: { partnerId: string }) {
  return null;
}
