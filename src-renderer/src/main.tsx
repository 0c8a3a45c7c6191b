import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { createTheme, MantineProvider, Modal, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const theme = createTheme({
  primaryColor: 'indigo',
  // White on indigo 6 falls short of 4.5:1; shade 8 passes.
  primaryShade: { light: 8, dark: 8 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
  components: {
    Modal: Modal.extend({
      defaultProps: {
        // Every dialog's close button has a name, even where a screen forgets to give one.
        closeButtonProps: { 'aria-label': 'Close' },
        // The dialog's title bar is a <header>: inside a dialog it is not the page's banner.
        attributes: { header: { role: 'none' } },
      },
    }),
  },
});

const paletteUsed = ['indigo', 'orange', 'blue', 'green', 'gray', 'red', 'teal', 'yellow'];

const darker = (colour: string) =>
  `color-mix(in srgb, var(--mantine-color-${colour}-9) 70%, black)`;

/** Mantine's default light-scheme greys and tinted labels fall short of WCAG AA contrast. */
const contrastResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-primary-color-light-color': darker('indigo'),
    ...Object.fromEntries(
      paletteUsed.flatMap((c) => [
        [`--mantine-color-${c}-light-color`, darker(c)],
        [`--mantine-color-${c}-outline`, darker(c)],
      ]),
    ),
  },
  dark: {},
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        cssVariablesResolver={contrastResolver}
      >
        {/* At the foot of the window: at the top they covered the header's user and role list. */}
        <Notifications position="bottom-right" />
        <App />
      </MantineProvider>
    </StrictMode>,
  );
}
