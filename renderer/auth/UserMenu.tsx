import { Menu, Modal, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { DeskView, UserView } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import { AboutDialog } from '../app/AboutDialog';
import { DEVICE_KINDS, type DeviceKind } from '@shared/domain/devices';
import { openDeviceScreen } from '../devices/open-device-screen';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PaperRatingDialog } from '../satisfaction/PaperRatingDialog';
import { notifyError, notifySaved } from '../ui/notify';

/** A device screen opened from this desk (it lives on alone), or why it could not be. */
function openDevice(kind: DeviceKind) {
  openDeviceScreen(kind).then(
    () => notifySaved(ar.devices.opened),
    notifyError,
  );
}

/** Who is signed in at which desk, and what every user may do to their own account. */
export function UserMenu({ user, desk }: { user: UserView; desk: DeskView }) {
  const [changing, setChanging] = useState(false);
  const [about, setAbout] = useState(false);
  const [paper, setPaper] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton title={ar.staff.userMenu} data-testid="user-menu" className="user-menu-trigger" style={{ textAlign: 'start', minWidth: 0 }}>
            <Text size="sm" fw={600} data-testid="signed-in-user" truncate maw={200}>
              {user.fullName}
            </Text>
            <Text size="xs" c="dimmed" truncate maw={200}>
              {ar.roles[user.role]} · {desk.name}
            </Text>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setChanging(true)} data-testid="menu-change-password">
            {ar.staff.changePassword}
          </Menu.Item>
          <Menu.Divider />
          {DEVICE_KINDS.map((kind) => (
            <Menu.Item key={kind} onClick={() => openDevice(kind)} data-testid={`menu-open-${kind}`}>
              {kind === 'display' ? ar.devices.openDisplay : ar.devices.openKiosk}
            </Menu.Item>
          ))}
          <Menu.Item onClick={() => setPaper(true)} data-testid="menu-paper-rating">
            {ar.satisfaction.paperTitle}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setAbout(true)} data-testid="menu-about">
            {ar.computer.about}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changing} onClose={() => setChanging(false)} title={ar.staff.changePassword}>
        <Text size="sm" c="dimmed" mb="sm">
          {ar.staff.changePasswordHint}
        </Text>
        <ChangePasswordForm
          currentLabel={ar.staff.currentPassword}
          onDone={() => {
            setChanging(false);
            notifySaved(ar.staff.passwordChanged);
          }}
        />
      </Modal>
      <AboutDialog opened={about} onClose={() => setAbout(false)} />
      <PaperRatingDialog opened={paper} onClose={() => setPaper(false)} />
    </>
  );
}
