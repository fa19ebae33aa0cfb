/** The eight contact channels of the policy (C1–C8), in the policy's order. */
export const CHANNELS = [
  'interview', // C1 المقابلة
  'phone', // C2
  'social_media', // C3
  'letters', // C4
  'help_request', // C5
  'volunteering', // C6
  'website', // C7
  'branch_delegate', // C8
] as const;
export type Channel = (typeof CHANNELS)[number];
export const WALK_IN_CHANNEL = 'interview' satisfies Channel;

/** The channels a contact is logged on (C2–C8): every one but the walk-in interview, which is a visit. */
export type ContactChannel = Exclude<Channel, typeof WALK_IN_CHANNEL>;
export const CONTACT_CHANNELS = CHANNELS.filter((c): c is ContactChannel => c !== WALK_IN_CHANNEL) as [ContactChannel, ...ContactChannel[]];
