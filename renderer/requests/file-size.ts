import { ar, fill } from '@shared/labels/ar';

export const sizeText = (bytes: number) => fill(ar.requests.size, { kb: Math.max(1, Math.round(bytes / 1024)) });
