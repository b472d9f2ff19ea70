// Placeholder until previews are built (issue 6, in progress).
export function PreviewBanner(_props: { partnerId: string }) {
  return null;
}
