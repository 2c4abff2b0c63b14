import { Alert, Button, Container, Stack } from '@mantine/core';
import i18next from 'i18next';
import { Component, type ReactNode } from 'react';

/**
 * A page's code or texts that did not arrive (Chromium: "Failed to fetch dynamically imported module",
 * Safari: "Importing a module script failed", Vite: "Unable to preload CSS"): a weak or lost link, not
 * a bug, and the reader should know which.
 */
export function isLoadFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|module script failed|Unable to preload CSS/i.test(error.message)
  );
}

type State = { failed: false } | { failed: true; loadFailure: boolean };

/** Last resort for a bug, or a page that could not load: say so plainly and offer a reload instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, loadFailure: isLoadFailure(error) };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const [title, body] = this.state.loadFailure
      ? ['errors.pageLoadTitle', 'errors.pageLoadBody']
      : ['errors.crashTitle', 'errors.crashBody'];
    return (
      <Container size="xs" py="xl" component="main">
        <Stack>
          <Alert color={this.state.loadFailure ? 'orange' : 'red'} role="alert" title={i18next.t(title)}>
            {i18next.t(body)}
          </Alert>
          <Button onClick={() => window.location.reload()}>
            {i18next.t(this.state.loadFailure ? 'common.retry' : 'errors.reload')}
          </Button>
        </Stack>
      </Container>
    );
  }
}
