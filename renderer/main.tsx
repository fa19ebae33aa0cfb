import '@fontsource/ibm-plex-sans-arabic/400.css';
import '@fontsource/ibm-plex-sans-arabic/500.css';
import '@fontsource/ibm-plex-sans-arabic/600.css';
import '@fontsource/ibm-plex-sans-arabic/700.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './ui/global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { screenOfPage } from '@shared/device-pages';
import { DeviceApp } from './devices/DeviceApp';
import { theme } from './ui/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

// The desk, or a device screen (the hall display, the kiosk) when the page is one.
const screen = screenOfPage(location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DirectionProvider initialDirection="rtl" detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        {/* Bottom right is the foot of the check-in panel (right to left), empty while the hall is worked:
            a toast there covers neither the current visit's buttons nor the queue's. */}
        <Notifications position="bottom-right" limit={3} />
        <QueryClientProvider client={queryClient}>
          {screen === 'desk' ? <App /> : <DeviceApp kind={screen} />}
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
