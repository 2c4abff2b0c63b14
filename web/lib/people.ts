/**
 * People of the directory who have an account, for pickers (a forum invitation, an action item's
 * responsible person): several features need them, so the query lives here, as organisations' does.
 */
import { useQuery } from '@tanstack/react-query';
import type { PersonView } from '../../common/directory-api.ts';
import { api } from './api.ts';
import type { Language, Page } from './types.ts';

export type PersonWithAccount = {
  userId: string;
  nameTh: string;
  nameEn: string | null;
  position: string | null;
  organisation: { id: string; nameTh: string; nameEn: string };
};

/** Only people who can sign in can be invited or made responsible: the directory also lists others. */
export function withAccounts(people: PersonView[]): PersonWithAccount[] {
  const seen = new Set<string>();
  return people.flatMap((p) => {
    if (!p.userId || seen.has(p.userId)) return [];
    seen.add(p.userId);
    return [
      {
        userId: p.userId,
        nameTh: p.nameTh,
        nameEn: p.nameEn,
        position: p.position,
        organisation: { id: p.organisation.id, nameTh: p.organisation.nameTh, nameEn: p.organisation.nameEn },
      },
    ];
  });
}

export const personName = (p: Pick<PersonWithAccount, 'nameTh' | 'nameEn'>, language: Language) =>
  language === 'en' && p.nameEn ? p.nameEn : p.nameTh;

/**
 * Options of a Select, sorted by name in the reader's language; `withOrganisation` adds it after the name
 * (a search across the network), which a picker inside one organisation leaves out.
 */
export function personOptions(people: PersonWithAccount[], language: Language, withOrganisation: boolean) {
  return people
    .map((p) => {
      const name = personName(p, language);
      const organisation = language === 'th' ? p.organisation.nameTh : p.organisation.nameEn;
      return { value: p.userId, label: withOrganisation ? `${name} · ${organisation}` : name };
    })
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** Active people with an account in one organisation (the network's organisations have tens, not thousands). */
export const usePeopleOfOrganisation = (organisationId: string | null) =>
  useQuery({
    queryKey: ['people-with-accounts', 'organisation', organisationId],
    enabled: Boolean(organisationId),
    queryFn: async ({ signal }) =>
      withAccounts(
        (
          await api.get<Page<PersonView>>(
            '/people',
            { organisationId: organisationId!, active: 'true', limit: 100 },
            signal,
          )
        ).items,
      ),
    staleTime: 5 * 60_000,
  });

/** Active people with an account anywhere in the network, by name (two letters or more). */
export const usePeopleSearch = (q: string) =>
  useQuery({
    queryKey: ['people-with-accounts', 'search', q.trim()],
    enabled: q.trim().length >= 2,
    queryFn: async ({ signal }) =>
      withAccounts(
        (await api.get<Page<PersonView>>('/people', { q: q.trim(), active: 'true', limit: 20 }, signal))
          .items,
      ),
    staleTime: 60_000,
  });
