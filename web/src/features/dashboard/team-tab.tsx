// Placeholder until this panel is built (issue 5, in progress).
export function TeamTab(_props: { partnerId: string }) {
  return null;
}
