import type { ComponentType } from 'react';
import type { DeviceView } from '../../shared/contract';
import type { DeviceKind } from '../../shared/domain/devices';
import { DeviceIdle } from './DeviceIdle';
import { KioskScreen } from '../satisfaction/KioskScreen';

/** What each device screen shows inside its frame (DeviceApp): one screen per kind. */
export const DEVICE_SCREENS: Record<DeviceKind, ComponentType<{ device: DeviceView }>> = {
  display: DeviceIdle,
  kiosk: KioskScreen,
};
