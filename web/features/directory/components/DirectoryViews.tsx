import { Anchor, Button } from '@mantine/core';
import { IconList, IconMap, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Labels } from '../api/directory.ts';
import type { DirectoryFilterState } from '../api/filters.ts';
import { contactSheetPath, directoryViewPath, singleProvince } from '../api/provinces.ts';

export type DirectoryView = 'list' | 'map';

/** List or province map of the same search and filters; two links, so the view is in the URL too. */
export function DirectoryViewSwitch({
  view,
  filters,
}: {
  view: DirectoryView;
  filters: DirectoryFilterState;
}) {
  const { t } = useTranslation();
  const views = [
    { value: 'list' as const, label: t('directory.views.list'), icon: IconList },
    { value: 'map' as const, label: t('directory.views.map'), icon: IconMap },
  ];
  return (
    <nav aria-label={t('directory.views.label')}>
      <Button.Group>
        {views.map(({ value, label, icon: Icon }) => (
          <Button
            key={value}
            component={Link}
            to={directoryViewPath(value, filters)}
            variant={view === value ? 'filled' : 'default'}
            aria-current={view === value ? 'page' : undefined}
            leftSection={<Icon size={18} aria-hidden />}
          >
            {label}
          </Button>
        ))}
      </Button.Group>
    </nav>
  );
}

/** When the list is narrowed to one province, its printable contact sheet is a tap away. */
export function ContactSheetLink({ filters, labels }: { filters: DirectoryFilterState; labels: Labels }) {
  const { t } = useTranslation();
  const province = singleProvince(filters);
  if (!province) return null;
  return (
    <Anchor
      component={Link}
      to={contactSheetPath(province, filters)}
      size="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <IconPrinter size={16} aria-hidden />
      {t('directory.sheet.link', { province: labels.of(province, 'provinces') })}
    </Anchor>
  );
}
