import './app/fonts.css';
import './app/mantine-styles.ts';
import '@mantine/notifications/styles.css';
import './app/global.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { enableDeferredStylesheets } from './lib/deferred-stylesheets.ts';
import { initI18n } from './lib/i18n.ts';
import { renderOverServedScreen } from './lib/served-screen.ts';

enableDeferredStylesheets();
// Renders once the reader's language is ready (at once for Thai; English is fetched first).
void initI18n()
  .catch(() => undefined)
  .then(() => {
    const root = document.getElementById('root')!;
    renderOverServedScreen(root, () =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
  });
