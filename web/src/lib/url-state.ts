// Page state kept in the URL's query (filters, the job a page follows, a tab): read it from
// the search params, change several keys at once; null or '' removes a key. The history
// entry is replaced, so Back leaves the page rather than stepping through its states.
import { useSearchParams } from 'react-router';

export type UrlChanges = Readonly<Record<string, string | null | undefined>>;

export function useUrlState(): [URLSearchParams, (changes: UrlChanges) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: UrlChanges) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return [params, update];
}
