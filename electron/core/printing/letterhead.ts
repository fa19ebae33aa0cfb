import type { SettingsView } from '@shared/contract';
import type { AssociationHeader } from './pdf-page';

/** The association's letterhead from the settings the administrator edits. */
export function letterhead(s: SettingsView): AssociationHeader {
  let logo: Uint8Array | null = null;
  if (s.associationLogoBase64) logo = Buffer.from(s.associationLogoBase64, 'base64');
  return {
    name: s.associationName,
    branch: s.associationBranch,
    licence: s.associationLicence,
    address: s.associationAddress,
    phone: s.associationPhone,
    website: s.associationWebsite,
    logo,
  };
}
