import { createTheme } from '@mantine/core';

export const theme = createTheme({
  fontFamily: '"IBM Plex Sans Arabic", system-ui, sans-serif',
  headings: { fontFamily: '"IBM Plex Sans Arabic", system-ui, sans-serif', fontWeight: '700' },
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontSizes: { xs: '13px', sm: '14px', md: '16px', lg: '18px', xl: '22px' },
});
