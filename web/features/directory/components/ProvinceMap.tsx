import { Anchor, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconMapPin, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIRECTORY_FACET_CAP } from '../../../../common/directory-api.ts';
import { GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES } from '../../../lib/provinceTiles.ts';
import type { Language } from '../../../lib/types.ts';
import type { DirectoryFacets, Labels } from '../api/directory.ts';
import type { DirectoryFilterState } from '../api/filters.ts';
import { coverageListPath } from '../api/provinces.ts';
import { shadeOf, shadeSteps } from '../map/provinceShading.ts';
import classes from './ProvinceMap.module.css';

interface ProvinceMapProps {
  facets: DirectoryFacets;
  filters: DirectoryFilterState;
  labels: Labels;
  language: Language;
}

/**
 * The 77 provinces as equal tiles, shaded by how many organisations (with the filters in use) cover each;
 * a tile is a link to the list filtered to that province.
 */
export function ProvinceMap({ facets, filters, labels, language }: ProvinceMapProps) {
  const { t } = useTranslation();
  const nationwide = facets.province.nationwide ?? 0;
  const abroad = facets.province.abroad ?? 0;
  const [withNationwide, setWithNationwide] = useState(true);
  const countOf = (code: string) => (facets.province[code] ?? 0) - (withNationwide ? 0 : nationwide);
  const counts = PROVINCE_TILES.map((tile) => countOf(tile.code));
  const steps = shadeSteps(counts);
  const legend = [
    ...(counts.some((n) => n <= 0) ? [{ shade: 0, text: t('directory.map.none') }] : []),
    ...steps.map((s) => ({ shade: s.shade, text: s.from === s.to ? `${s.from}` : `${s.from}–${s.to}` })),
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="province-map-title">
      <div>
        <Title order={2} size="h3" id="province-map-title">
          {t('directory.map.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('directory.map.hint')}
        </Text>
        {facets.capped && (
          <Text size="sm" c="orange.9">
            {t('directory.countsCapped', { cap: DIRECTORY_FACET_CAP.toLocaleString(language) })}
          </Text>
        )}
      </div>
      {nationwide > 0 && (
        <Switch
          checked={withNationwide}
          onChange={(event) => setWithNationwide(event.currentTarget.checked)}
          label={t('directory.map.includeNationwide', { count: nationwide })}
          description={t('directory.map.includeNationwideHint')}
        />
      )}
      <div className={classes.map}>
        <ul
          className={classes.grid}
          style={{
            gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${GRID_ROWS}, auto)`,
          }}
          aria-label={t('directory.map.grid')}
        >
          {PROVINCE_TILES.map((tile) => {
            const count = countOf(tile.code);
            const name = labels.of(tile.code, 'provinces');
            const selected = filters.province.includes(tile.code);
            return (
              <li
                key={tile.code}
                className={classes.cell}
                style={{ gridColumn: tile.col + 1, gridRow: tile.row + 1 }}
              >
                <Link
                  to={coverageListPath(tile.code, filters)}
                  className={`${classes.tile} ${classes[`shade${shadeOf(count, steps)}`]} ${selected ? classes.selected : ''}`}
                  aria-label={t(selected ? 'directory.map.tileSelected' : 'directory.map.tile', {
                    province: name,
                    count,
                  })}
                  title={`${name}: ${count}`}
                  data-province={tile.code}
                >
                  <span className={classes.short} aria-hidden>
                    {tile.short[language]}
                  </span>
                  <span className={classes.count} aria-hidden>
                    {count}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
        <div className={classes.legend}>
          <div className={classes.legendTitle} id="province-map-legend">
            {t('directory.map.legend')}
          </div>
          <ul className={classes.legendList} aria-labelledby="province-map-legend">
            {legend.map((item) => (
              <li key={item.shade} className={classes.legendItem}>
                <span className={`${classes.swatch} ${classes[`shade${item.shade}`]}`} aria-hidden />
                {item.text}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <Group gap="md">
        {[
          { code: 'nationwide', count: nationwide, icon: IconMapPin },
          { code: 'abroad', count: abroad, icon: IconWorld },
        ].map(({ code, count, icon: Icon }) => (
          <Anchor
            key={code}
            component={Link}
            to={coverageListPath(code, filters)}
            size="sm"
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
          >
            <Icon size={16} aria-hidden />
            {t('directory.map.coverageLink', { coverage: labels.of(code, 'coverageFlags'), count })}
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}
