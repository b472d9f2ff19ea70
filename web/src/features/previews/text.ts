// A preview's name and description in the user's language when the web app knows it (the
// server's text otherwise: operators define previews in one language).
import type { TFunction } from 'i18next';
import { isKnownPreview } from './known.ts';

export function previewText(t: TFunction, preview: { id: string; name: string; description: string }) {
  if (!isKnownPreview(preview.id)) return { name: preview.name, description: preview.description };
  return {
    name: t(`previews.known.${preview.id}.name`),
    description: t(`previews.known.${preview.id}.description`),
  };
}
