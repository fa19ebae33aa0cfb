import { describe, expect, it } from 'vitest';
import { defaultWindowOptions, devicePlacement, deviceWindowOptions } from '../../electron/main/window-options';
import { screenOfPage } from '@shared/device-pages';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const hallScreen = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } };

describe('device screen windows (the hall display S1, the kiosk P6)', () => {
  it('S1: full screen on the display the desk is not on, whichever order the system lists them', () => {
    expect(devicePlacement([laptop, hallScreen], 1)).toEqual({ bounds: hallScreen.bounds, fullscreen: true });
    expect(devicePlacement([hallScreen, laptop], 1)).toEqual({ bounds: hallScreen.bounds, fullscreen: true });
    expect(devicePlacement([laptop, hallScreen], 2)).toEqual({ bounds: laptop.bounds, fullscreen: true });
  });

  it('S1: a PC with one display gets a window, not a full screen covering the desk', () => {
    expect(devicePlacement([laptop], 1)).toEqual({ bounds: null, fullscreen: false });
    expect(devicePlacement([laptop], null)).toEqual({ bounds: null, fullscreen: false });
  });

  it('S1: a device window has exactly the desk window\'s hardening and preload', () => {
    const device = deviceWindowOptions('/p', 'شاشة القاعة', devicePlacement([laptop, hallScreen], 1));
    expect(device.webPreferences).toEqual(defaultWindowOptions('/p').webPreferences);
    expect(device).toMatchObject({ ...hallScreen.bounds, fullscreen: true, show: false });
    expect(deviceWindowOptions('/p', 'x', devicePlacement([laptop], 1), true).webPreferences?.devTools).toBe(true);
  });

  it('S1: the renderer picks its screen from the loopback page\'s path or the Electron document\'s query', () => {
    expect(screenOfPage({ pathname: '/display', search: '' })).toBe('display');
    expect(screenOfPage({ pathname: '/kiosk', search: '' })).toBe('kiosk');
    expect(screenOfPage({ pathname: '/index.html', search: '?screen=display' })).toBe('display');
    expect(screenOfPage({ pathname: '/', search: '' })).toBe('desk');
    expect(screenOfPage({ pathname: '/index.html', search: '?screen=admin' })).toBe('desk');
  });
});
