import { Alert, Button, Container, Stack } from '@mantine/core';
import i18next from 'i18next';
import { Component, type ReactNode } from 'react';

/** Last resort for a bug in the app: say so plainly and offer a reload instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Container size="xs" py="xl" component="main">
        <Stack>
          <Alert color="red" role="alert" title={i18next.t('errors.crashTitle')}>
            {i18next.t('errors.crashBody')}
          </Alert>
          <Button onClick={() => window.location.reload()}>{i18next.t('errors.reload')}</Button>
        </Stack>
      </Container>
    );
  }
}
