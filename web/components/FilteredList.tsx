/**
 * A searchable, filterable list page: the search box, the filters beside the results on wide screens
 * and in a full-screen drawer behind a button on phones. The directory and the problems board use it.
 */
import { Button, Drawer, Grid, Group, Loader, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * The box shows what is typed at once; `onSearch` follows once typing pauses for `delayMs`, and only for
 * a text that differs from the current query (trimmed), so a URL change never echoes back as a search.
 */
export function useSearchText(query: string, onSearch: (text: string) => void, delayMs: number) {
  const [text, setText] = useState(query);
  const [debounced] = useDebouncedValue(text, delayMs);
  const latest = useRef({ query, onSearch });
  latest.current = { query, onSearch };
  useEffect(() => {
    if (debounced.trim() !== latest.current.query.trim()) latest.current.onSearch(debounced);
  }, [debounced]);
  return [text, setText] as const;
}

type Props = {
  search: {
    label: string;
    description?: string;
    value: string;
    onChange: (text: string) => void;
    busy: boolean;
  };
  filters: {
    title: string;
    panel: ReactNode;
    /** The phone button's label, which says how many filters are on. */
    buttonLabel: string;
    active: boolean;
    /** The drawer's close button, e.g. "Show 12 results". */
    showLabel: string;
  };
  /** Between the search box and the results, e.g. a sort order. */
  between?: ReactNode;
  children: ReactNode;
};

export function FilteredList({ search, filters, between, children }: Props) {
  const isDesktop = useMediaQuery('(min-width: 62em)');
  const [drawerOpened, drawer] = useDisclosure(false);
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={search.label}
          description={search.description}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={search.busy ? <Loader size="xs" /> : null}
          value={search.value}
          onChange={(event) => search.onChange(event.currentTarget.value)}
          style={{ flex: 1 }}
          autoComplete="off"
        />
        {!isDesktop && (
          <Button
            variant={filters.active ? 'filled' : 'default'}
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
            onClick={drawer.open}
            aria-haspopup="dialog"
          >
            {filters.buttonLabel}
          </Button>
        )}
      </Group>
      {between}
      <Grid gap="lg">
        {isDesktop && (
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            <aside aria-label={filters.title}>{filters.panel}</aside>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: isDesktop ? 8 : 12, lg: isDesktop ? 9 : 12 }}>{children}</Grid.Col>
      </Grid>
      <Drawer
        opened={drawerOpened && !isDesktop}
        onClose={drawer.close}
        title={filters.title}
        position="right"
        size="100%"
      >
        <Stack>
          {filters.panel}
          <Button onClick={drawer.close}>{filters.showLabel}</Button>
        </Stack>
      </Drawer>
    </>
  );
}
