import { Badge, List, Text } from '@mantine/core';
import type { Outcome } from '../../../src-main/unit/unit-schema';

/** A unit's outcome → criterion → part tree, as the library and the importer show it. */
export function UnitTree({ outcomes }: { outcomes: Outcome[] }) {
  return (
    <List listStyleType="none" spacing="sm" aria-label="Learning outcomes and assessment criteria">
      {outcomes.map((o) => (
        <List.Item key={o.ref}>
          <Text fw={600}>
            {o.ref}. {o.text}{' '}
            <Badge size="xs" variant="dot" color={o.kind === 'knowledge' ? 'blue' : 'green'}>
              {o.kind}
            </Badge>
          </Text>
          <List withPadding listStyleType="none" spacing={2}>
            {o.criteria.map((c) => (
              <List.Item key={c.ref}>
                <Text size="sm">
                  <Text span fw={600}>
                    {c.ref}
                  </Text>{' '}
                  {c.text}
                </Text>
                {c.parts.length > 0 && (
                  <List withPadding listStyleType="none">
                    {c.parts.map((p) => (
                      <List.Item key={p.ref}>
                        <Text size="sm">
                          {p.ref}) {p.text}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </List.Item>
            ))}
          </List>
        </List.Item>
      ))}
    </List>
  );
}
