import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVINCES } from '../../../../common/directory-taxonomies.ts';
import { COVERAGE_STATUSES, type CoverageMatrix } from '../../../../common/reports-api.ts';
import { GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES } from '../../../lib/provinceTiles.ts';
import type { Language } from '../../../lib/types.ts';
import classes from './CoverageMap.module.css';

/**
 * The coverage matrix on the province tiles: pick a service (or an interpretation language) and each
 * province shows whether nobody, one organisation, one stale entry or several provide it there.
 */
export function CoverageMap({ matrices, language }: { matrices: CoverageMatrix[]; language: Language }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('services:interpretation');
  const [key, code] = choice.split(':') as [string, string];
  const matrix = matrices.find((m) => m.key === key) ?? matrices[0]!;
  const column = Math.max(
    0,
    matrix.columns.findIndex((c) => c.code === code),
  );
  const data = matrices.map((m) => ({
    group: m.title[language],
    items: m.columns.map((c) => ({ value: `${m.key}:${c.code}`, label: c.label[language] })),
  }));
  const provinceName = (p: string) => PROVINCES.find((x) => x.code === p)?.[language] ?? p;
  return (
    <Stack gap="sm" component="section" aria-labelledby="coverage-map-title">
      <Text fw={600} size="sm" id="coverage-map-title">
        {t('reports.coverage.heading')}
      </Text>
      <Select
        label={t('reports.coverage.pick')}
        data={data}
        value={choice}
        onChange={(v) => v && setChoice(v)}
        allowDeselect={false}
        searchable
        maw={360}
      />
      <div className={classes.map}>
        <ul
          className={classes.grid}
          style={{
            gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${GRID_ROWS}, auto)`,
          }}
          aria-label={t('reports.coverage.grid', { item: matrix.columns[column]!.label[language] })}
        >
          {PROVINCE_TILES.map((tile) => {
            const i = matrix.provinces.indexOf(tile.code);
            const status = matrix.status[i]?.[column] ?? 'none';
            const providers = matrix.providers[i]?.[column] ?? 0;
            const text = `${provinceName(tile.code)}: ${t(`reports.coverage.status.${status}`)} (${providers})`;
            return (
              <li
                key={tile.code}
                className={classes.cell}
                style={{ gridColumn: tile.col + 1, gridRow: tile.row + 1 }}
              >
                <span
                  className={`${classes.tile} ${classes[status]}`}
                  role="img"
                  aria-label={text}
                  title={text}
                  data-province={tile.code}
                  data-status={status}
                >
                  <span className={classes.short} aria-hidden>
                    {tile.short[language]}
                  </span>
                  <span aria-hidden>{providers}</span>
                </span>
              </li>
            );
          })}
        </ul>
        <div className={classes.legend}>
          <ul className={classes.legendList} aria-label={t('reports.coverage.legend')}>
            {COVERAGE_STATUSES.map((s) => (
              <li key={s} className={classes.legendItem}>
                <span className={`${classes.swatch} ${classes[s]}`} aria-hidden />
                {t(`reports.coverage.status.${s}`)}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Stack>
  );
}
