import { Badge, Button, Group } from '@mantine/core';
import {
  IconAlertTriangle,
  IconPhone,
  IconPhoneCall,
  IconRosetteDiscountCheck,
  IconRosetteDiscountCheckOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { telHref } from '../../../../common/tel.ts';
import { BilingualText } from '../../../components/BilingualText.tsx';
import type { Language } from '../../../lib/types.ts';
import type { ContactView, Labels, OrganisationListItem } from '../api/directory.ts';

type Flags = Pick<
  OrganisationListItem,
  'verifiedAt' | 'changedSinceVerificationAt' | 'stale' | 'hasHotline24h'
>;

/** Trust and emergency badges, shown the same way on cards, the page header and finder answers. */
export function OrganisationBadges({ organisation }: { organisation: Flags }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {organisation.hasHotline24h && (
        <Badge color="red" variant="light" leftSection={<IconPhoneCall size={12} aria-hidden />}>
          {t('directory.badges.hotline24h')}
        </Badge>
      )}
      {organisation.changedSinceVerificationAt ? (
        <Badge
          color="yellow"
          variant="light"
          // Yellow text on the light yellow fills fails contrast (WCAG 1.4.3); dark text on it does not.
          c="dark.7"
          leftSection={<IconRosetteDiscountCheckOff size={12} aria-hidden />}
          data-testid="verification-badge"
        >
          {t('directory.badges.changedSinceVerification')}
        </Badge>
      ) : (
        organisation.verifiedAt && (
          <Badge
            color="teal"
            variant="light"
            leftSection={<IconRosetteDiscountCheck size={12} aria-hidden />}
            data-testid="verification-badge"
          >
            {t('directory.badges.verified')}
          </Badge>
        )
      )}
      {organisation.stale && (
        <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
          {t('directory.badges.stale')}
        </Badge>
      )}
    </Group>
  );
}

/** "Nationwide", or the first provinces covered and how many more. */
export function coverageText(coverage: readonly string[], labels: Labels, max = 3): string {
  const isFlag = (code: string) => code === 'nationwide' || code === 'abroad';
  const flags = coverage.filter(isFlag);
  const provinces = coverage.filter((code) => !isFlag(code));
  const names = [...flags, ...provinces].map((code) => labels.of(code));
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} +${names.length - max}`;
}

const CONTACT_ORDER = ['hotline_24h', 'phone_mobile', 'phone_office', 'line', 'email', 'website', 'fax'];

/** The 24-hour hotline first: at 2 a.m. that is the number that answers. */
export function sortContacts<T extends Pick<ContactView, 'type'>>(contacts: readonly T[]): T[] {
  return [...contacts].sort((a, b) => CONTACT_ORDER.indexOf(a.type) - CONTACT_ORDER.indexOf(b.type));
}

export function isPhone(type: string): boolean {
  return type === 'hotline_24h' || type === 'phone_mobile' || type === 'phone_office';
}

/** A vCard of someone whose every contact is withheld from this viewer would be a card with only a name. */
export function hasVisibleContact(person: {
  phones: readonly unknown[];
  email: string | null;
  lineId: string | null;
}) {
  return person.phones.length > 0 || person.email !== null || person.lineId !== null;
}

/** A `tel:` link keeps only what dialers understand. */
export { telHref };

export function contactHref(contact: Pick<ContactView, 'type' | 'value'>): string | undefined {
  if (isPhone(contact.type)) return telHref(contact.value);
  if (contact.type === 'email') return `mailto:${contact.value}`;
  if (contact.type === 'website' && /^https?:\/\//.test(contact.value)) return contact.value;
  if (contact.type === 'line') return `https://line.me/R/ti/p/${encodeURIComponent(contact.value)}`;
  return undefined;
}

/** A big tap-to-call button; the hotline one is red so it is found at a glance. */
export function CallButton({
  number,
  label,
  hotline = false,
  fullWidth = false,
}: {
  number: string;
  label: string;
  hotline?: boolean;
  fullWidth?: boolean;
}) {
  return (
    <Button
      component="a"
      href={telHref(number)}
      color={hotline ? 'red.9' : undefined}
      variant={hotline ? 'filled' : 'light'}
      leftSection={hotline ? <IconPhoneCall size={18} aria-hidden /> : <IconPhone size={18} aria-hidden />}
      fullWidth={fullWidth}
      justify="flex-start"
      h="auto"
      py={8}
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
    >
      {label} {number}
    </Button>
  );
}

/** A person's job title in the reader's language (Thai as the marked fallback), for "name · title" lines. */
export function PositionText({ person }: { person: { position: string | null; positionEn: string | null } }) {
  return <BilingualText texts={{ th: person.position, en: person.positionEn }} />;
}

export function PositionSuffix({
  person,
}: {
  person: { position: string | null; positionEn: string | null };
}) {
  if (!person.position && !person.positionEn) return null;
  return (
    <>
      {' · '}
      <PositionText person={person} />
    </>
  );
}

export function personName(person: { nameTh: string; nameEn: string | null }, language: Language): string {
  return language === 'en' && person.nameEn ? person.nameEn : person.nameTh;
}
