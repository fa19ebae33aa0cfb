export const ID_TYPES = ['national_id', 'iqama', 'passport', 'border_number', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
