import { Badge, Group, Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { UserView, VisitView } from '@shared/contract';
import { QUEUE_GROUPS, queueGroupOf, type QueueGroup } from '@shared/domain/visit';
import { DEFAULT_WAIT_TARGETS } from '@shared/domain/wait-targets';
import { ar } from '@shared/labels/ar';
import { useOp } from '../data/operations';
import { useNow } from '../ui/useNow';
import { VisitRow } from './VisitRow';

const GROUP_HEIGHT = 40;
const ROW_HEIGHT = 62;

type Item = { kind: 'group'; group: QueueGroup; count: number } | { kind: 'visit'; visit: VisitView };

/** Today's visits grouped by state, virtualised so a hall of hundreds scrolls smoothly. */
export function QueueList({ visits, user }: { visits: VisitView[]; user: UserView }) {
  const now = useNow(15_000);
  const targets = useOp('settings.get', {}).data?.waitTargets ?? DEFAULT_WAIT_TARGETS;
  const items = useMemo(() => {
    const byGroup = new Map<QueueGroup, VisitView[]>(QUEUE_GROUPS.map((g) => [g, []]));
    for (const v of visits) byGroup.get(queueGroupOf(v.state))!.push(v);
    // Finished visits: the latest first; the others in arrival order.
    for (const g of ['done', 'closed'] as const) byGroup.get(g)!.reverse();
    const out: Item[] = [];
    for (const g of QUEUE_GROUPS) {
      const list = byGroup.get(g)!;
      if (list.length === 0) continue;
      out.push({ kind: 'group', group: g, count: list.length });
      for (const v of list) out.push({ kind: 'visit', visit: v });
    }
    return out;
  }, [visits]);

  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    // Fixed heights: measuring each row forces a layout per row (bench: "queue of 300 on screen").
    estimateSize: (i) => (items[i]!.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    // The first render already draws the rows a window can show, rather than none until the list has
    // been measured and a second render (bench: "queue of 300 on screen"); a few more for scrolling.
    initialRect: { width: 0, height: window.innerHeight },
    // Its size comes from a ResizeObserver after the browser's own layout, not from reading it while
    // the screen is being drawn (a forced layout of the whole page).
    observeElementRect: (instance, update) => {
      const element = instance.scrollElement;
      if (!element) return;
      // Hidden under another tab the list measures 0×0: keep the last size, so coming back draws the
      // rows at once instead of none until the next measurement.
      const observer = new ResizeObserver(([entry]) => {
        if (!entry || (entry.contentRect.width === 0 && entry.contentRect.height === 0)) return;
        update({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
    overscan: 3,
    getItemKey: (i) => {
      const it = items[i]!;
      return it.kind === 'group' ? `g-${it.group}` : `v-${it.visit.id}`;
    },
  });

  return (
    <Paper withBorder flex={1} mih={0} style={{ overflow: 'hidden' }}>
      <div ref={parent} style={{ height: '100%', overflowY: 'auto' }} data-testid="queue-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]!;
            return (
              <div
                key={row.key}
                style={{ position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', height: row.size, transform: `translateY(${row.start}px)` }}
              >
                {item.kind === 'group' ? (
                  <Group px="md" h={GROUP_HEIGHT} bg="gray.1" gap="xs" data-testid={`queue-group-${item.group}`}>
                    <Text fw={700} size="sm">
                      {ar.queueGroups[item.group]}
                    </Text>
                    <Badge variant="white" color="dark" size="sm">
                      {item.count}
                    </Badge>
                  </Group>
                ) : (
                  <VisitRow visit={item.visit} user={user} now={now} target={targets[item.visit.reason]} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Paper>
  );
}
