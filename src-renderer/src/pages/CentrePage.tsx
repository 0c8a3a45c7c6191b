import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StaffView } from '../../../src-main/centre/centre-contract';
import { useOperation } from '../api/use-operation';
import { StaffForm } from '../components/centre/StaffForm';
import { StaffTable } from '../components/centre/StaffTable';
import { CentreCards } from '../components/centre/CentreCards';
import { RetentionSection } from '../components/centre/RetentionSection';
import { ReviewIntervalSection } from '../components/centre/ReviewIntervalSection';
import { WitnessesSection } from '../components/centre/WitnessesSection';
import { TemplatesSection } from '../components/witness/TemplatesSection';
import { Loading } from '../components/Loading';
import { SignaturePolicy } from '../components/marking/SignaturePolicy';
import { CompetenceSection } from '../components/staff/CompetenceSection';
import { StandardisationSection } from '../components/staff/StandardisationSection';

/** The centre, its staff and the policies it sets for everyone. */
export function CentrePage() {
  const centre = useOperation('centre:get', {});
  const session = useOperation('session:get', {});
  const readOnly = session.data?.readOnly ?? true;
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);

  return (
    <Loading state={centre} label="The centre">
      {(c) => (
        <Stack>
          <CentreCards centre={c} />
          <Text size="sm" c="dimmed">
            Workspace folder: <span data-testid="workspace-dir">{c.workspaceDir}</span>
          </Text>
          <Group justify="space-between">
            <Title order={2} size="h3">
              Staff
            </Title>
            {!readOnly && <Button onClick={() => setEditing('new')}>Add staff member</Button>}
          </Group>
          <StaffTable
            staff={c.staff}
            readOnly={readOnly}
            onEdit={setEditing}
            onChanged={centre.reload}
          />
          <CompetenceSection readOnly={readOnly} />
          <StandardisationSection readOnly={readOnly} />
          <WitnessesSection readOnly={readOnly} />
          <TemplatesSection readOnly={readOnly} />
          <SignaturePolicy
            allowTyped={c.allowTypedSignatures}
            readOnly={readOnly}
            onChanged={centre.reload}
          />
          <ReviewIntervalSection
            weeks={c.reviewIntervalWeeks}
            readOnly={readOnly}
            onChanged={centre.reload}
          />
          <RetentionSection readOnly={readOnly} />
          {editing && (
            <StaffForm
              staff={c.staff}
              member={editing === 'new' ? undefined : editing}
              onClose={() => setEditing(null)}
              onSaved={centre.reload}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}
