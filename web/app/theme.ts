import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

// Colours chosen for WCAG 2.1 AA contrast (4.5:1 for text): a darker primary shade
// than Mantine's default, and darker "dimmed" text.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    // An alert's title in the alert's colour is too faint on its tinted background.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-black)' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
