import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled part of a longer form ("The activity", "The witness"). */
export function FormBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
