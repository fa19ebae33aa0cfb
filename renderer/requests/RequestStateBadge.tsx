import { Badge } from '@mantine/core';
import type { RequestState } from '@shared/domain/request';
import { ar } from '@shared/labels/ar';

export const REQUEST_STATE_COLORS: Record<RequestState, string> = {
  draft: 'gray',
  incomplete: 'orange',
  complete: 'teal',
  submitted: 'blue',
  accepted: 'green',
  rejected: 'red',
  registered: 'cyan',
  served: 'violet',
  closed: 'dark',
};

export function RequestStateBadge({ state, size = 'sm' }: { state: RequestState; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={REQUEST_STATE_COLORS[state]} variant="light" size={size} data-testid="request-state" data-state={state}>
      {ar.requestStates[state]}
    </Badge>
  );
}
