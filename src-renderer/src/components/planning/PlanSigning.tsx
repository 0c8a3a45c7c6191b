import { Group, Image, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PlansOverview, PlanView } from '../../../../src-main/planning/plan-contract';
import {
  planDeclarationWords,
  type PlanSignerRole,
} from '../../../../src-main/kernel/plan-declaration-words';
import { call } from '../../api/client';
import { useAction } from '../../api/use-action';
import { SignatureCapture, type CapturedSignature } from '../marking/SignatureCapture';
import { formatDate } from '../dates/format';

const roleWords: Record<PlanSignerRole, string> = {
  learner: 'learner',
  assessor: 'assessor',
  employer: 'employer’s representative',
};

/** The signatures given on a plan, each beside the words it was given over. */
export function PlanSignatures({ plan }: { plan: PlanView }) {
  if (!plan.signatures.length) {
    return (
      <Text size="sm" c="dimmed">
        Nobody has signed this plan yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="plan-signatures">
      {plan.signatures.map((s) => (
        <Group key={s.role} align="flex-start" wrap="nowrap">
          {s.image ? (
            <Image src={s.image} alt={`Signature of ${s.name}`} w={150} h={50} fit="contain" />
          ) : (
            <Text fs="italic" w={150}>
              {s.typedName}
            </Text>
          )}
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {s.name} ({roleWords[s.role]}), {formatDate(s.signedAt)}
              {s.stands ? '' : ' (no longer stands for the plan as it reads)'}
            </Text>
            <Text size="xs">
              “{s.declaration}” (wording version {s.declarationVersion})
            </Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

interface SignProps {
  learnerId: string;
  plan: PlanView;
  overview: PlansOverview;
  assessorName: string;
  onSigned: () => void;
}

/** Takes one signature at a time: the learner's, the assessor's, or an employer's representative's. */
export function SignPlan({ learnerId, plan, overview, assessorName, onSigned }: SignProps) {
  const { busy, run } = useAction();
  const [role, setRole] = useState<PlanSignerRole | null>(null);
  const [employerName, setEmployerName] = useState('');
  const options = (['learner', 'assessor', 'employer'] as const).filter(
    (r) => plan.status === 'draft' || r === 'employer',
  );
  const signer =
    role === 'learner'
      ? overview.learnerName
      : role === 'assessor'
        ? assessorName
        : employerName.trim() || 'the employer’s representative';

  async function sign(signature: CapturedSignature) {
    if (!role) return;
    const done = await run(
      () =>
        call('plan:sign', {
          learnerId,
          planId: plan.id,
          role,
          ...(role === 'employer' ? { name: employerName } : {}),
          ...signature,
        }),
      {
        done: (r) =>
          r.status === 'agreed' && plan.status === 'draft'
            ? `The plan is agreed (${formatDate(r.agreedOn!)}).`
            : `Signed by ${signer}.`,
        failed: 'The signature was not saved',
      },
    );
    if (done) {
      setRole(null);
      onSigned();
    }
  }

  return (
    <Stack gap="xs">
      <Select
        label="Who signs now"
        placeholder="Choose who is signing"
        data-testid="plan-signer"
        w={320}
        data={options.map((r) => ({ value: r, label: roleWords[r] }))}
        value={role}
        onChange={(r) => setRole(r as PlanSignerRole | null)}
      />
      {role === 'employer' && (
        <TextInput
          label="Name of the employer's representative"
          w={320}
          value={employerName}
          onChange={(e) => setEmployerName(e.currentTarget.value)}
        />
      )}
      {role && (
        <>
          <Text size="sm" data-testid="plan-declaration">
            “{planDeclarationWords(role)}”
          </Text>
          <SignatureCapture
            key={role}
            signer={signer}
            testId="plan-signature"
            allowTyped={overview.allowTypedSignatures}
            busy={busy}
            onSign={(s) => void sign(s)}
          />
        </>
      )}
    </Stack>
  );
}
