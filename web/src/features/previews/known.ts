// The previews the web app has a view for: their page under /partners/:id/previews/.
export const PROJECTION_PREVIEW = 'three-month-projection';

const PAGES: Record<string, string> = { [PROJECTION_PREVIEW]: 'projection' };

export function isKnownPreview(id: string): boolean {
  return id in PAGES;
}

/** The page of a preview the web app implements, or null. */
export function previewPage(partnerId: string, previewId: string): string | null {
  const page = PAGES[previewId];
  return page ? `/partners/${encodeURIComponent(partnerId)}/previews/${page}` : null;
}
