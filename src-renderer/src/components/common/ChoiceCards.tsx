import { Card, Stack, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list of cards to choose one from (units, qualifications), as a plain list for screen readers. */
export function ChoiceCardList({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <Stack
      gap="xs"
      component="ul"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      data-testid={testId}
    >
      {children}
    </Stack>
  );
}

/** One card of the list: a button that is marked pressed, and shaded, while it is the one open. */
export function ChoiceCard({
  chosen,
  onChoose,
  children,
}: {
  chosen: boolean;
  onChoose: () => void;
  children: ReactNode;
}) {
  return (
    <li>
      <UnstyledButton w="100%" onClick={onChoose} aria-pressed={chosen}>
        <Card
          withBorder
          padding="sm"
          bg={chosen ? 'var(--mantine-primary-color-light)' : undefined}
        >
          {children}
        </Card>
      </UnstyledButton>
    </li>
  );
}
