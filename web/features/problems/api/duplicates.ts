/** Finding the original when the Centre marks a problem as a duplicate: by title, or a pasted id or link. */
import { useQuery } from '@tanstack/react-query';
import type { ProblemState } from '../../../../common/problems-taxonomy.ts';
import { api, isApiError } from '../../../lib/api.ts';
import type { Page } from '../../../lib/types.ts';
import type { ProblemDetail, ProblemListItem } from './problems.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The problem id in pasted text: the id itself, or a link to a problem page (…/problems/<id>). */
export function pastedProblemId(text: string): string | null {
  const trimmed = text.trim();
  const inPath = trimmed.match(new RegExp(`/problems/(${UUID.source})`, 'i'));
  const id = inPath?.[1] ?? trimmed.match(new RegExp(`^${UUID.source}$`, 'i'))?.[0];
  return id ? id.toLowerCase() : null;
}

export type OriginalCandidate = { id: string; title: string; state: ProblemState };

/** The server refuses an original that is itself a duplicate or withdrawn: offered, but not choosable. */
export const mayBeOriginal = (state: ProblemState) => state !== 'duplicate' && state !== 'withdrawn';

const candidate = (p: ProblemListItem | ProblemDetail): OriginalCandidate => ({
  id: p.id,
  title: p.title,
  state: p.state,
});

/**
 * Candidates for the original of `selfId`, for the (already debounced) text typed: a pasted id or link looks
 * that one problem up; two letters or more search the board (Thai works); the problem itself is left out.
 */
export const useOriginalCandidates = (search: string, selfId: string) => {
  const pasted = pastedProblemId(search);
  const q = search.trim();
  return useQuery({
    queryKey: ['problems', 'original-candidates', selfId, pasted ?? q],
    enabled: pasted !== null || q.length >= 2,
    queryFn: async ({ signal }): Promise<OriginalCandidate[]> => {
      if (pasted) {
        if (pasted === selfId) return [];
        try {
          return [
            candidate(
              await api.get<ProblemDetail>(`/problems/${encodeURIComponent(pasted)}`, undefined, signal),
            ),
          ];
        } catch (error) {
          if (isApiError(error, 404)) return [];
          throw error;
        }
      }
      const page = await api.get<Page<ProblemListItem>>('/problems', { q, limit: 10 }, signal);
      return page.items.filter((p) => p.id !== selfId).map(candidate);
    },
    staleTime: 30_000,
  });
};
