import type { ComponentType } from 'react';
import type { DeviceView } from '@shared/contract';
import type { DeviceKind } from '@shared/domain/devices';
import { HallDisplay } from '../display/HallDisplay';
import { KioskScreen } from '../satisfaction/KioskScreen';

/** What each device screen shows inside its frame (DeviceApp): one screen per kind. */
export const DEVICE_SCREENS: Record<DeviceKind, ComponentType<{ device: DeviceView }>> = {
  display: HallDisplay,
  kiosk: KioskScreen,
};
