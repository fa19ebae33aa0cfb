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
export const WALK_IN_CHANNEL: Channel = 'interview';
