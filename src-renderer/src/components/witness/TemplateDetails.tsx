import { Button, Group, Image, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { TemplateContentInput } from '../../../../src-main/witness/template-schema';
import { readAsBase64 } from '../../api/local-files';
import { useOperation } from '../../api/use-operation';

type Details = Omit<TemplateContentInput, 'fields'>;
type Scope = Details['scope'];

function scopeValue(scope: Scope): string {
  if (scope.level === 'centre') return 'centre';
  return scope.level === 'unit' ? `unit:${scope.unitId}` : `qualification:${scope.qualificationId}`;
}

function scopeOf(value: string): Scope {
  const [level, id = ''] = value.split(/:(.*)/s);
  if (level === 'unit') return { level: 'unit', unitId: id };
  if (level === 'qualification') return { level: 'qualification', qualificationId: id };
  return { level: 'centre' };
}

/** Where a template may be used: the centre, each qualification, each unit (once per unit). */
function useScopes() {
  const units = useOperation('unit:list', {});
  const qualifications = useOperation('qualification:list', {});
  const unitList = units.data?.units ?? [];
  const qualificationList = qualifications.data?.qualifications ?? [];
  return [
    { value: 'centre', label: 'The whole centre' },
    ...qualificationList.map((q) => ({
      value: `qualification:${q.id}`,
      label: `Qualification: ${q.title}`,
    })),
    ...[...new Map(unitList.map((u) => [u.id, u])).values()].map((u) => ({
      value: `unit:${u.id}`,
      label: `Unit: ${u.title}`,
    })),
  ];
}

function LogoField({
  content,
  set,
}: {
  content: Details;
  set: (change: Partial<Details>) => void;
}) {
  return (
    <Group>
      {content.logo && (
        <Image
          src={`data:${content.logo.mediaType};base64,${content.logo.data}`}
          alt="The centre's logo"
          h={40}
          w="auto"
        />
      )}
      <TextInput
        type="file"
        label="Centre logo (PNG or JPEG)"
        accept="image/png,image/jpeg"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          const mediaType = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
          void readAsBase64(file).then((data) => set({ logo: { mediaType, data } }));
        }}
      />
      {content.logo && (
        <Button variant="subtle" onClick={() => set({ logo: null })}>
          Remove logo
        </Button>
      )}
    </Group>
  );
}

/** A template's name, title, scope, wording for the witness and logo. */
export function TemplateDetails({
  content,
  set,
}: {
  content: Details;
  set: (change: Partial<Details>) => void;
}) {
  const scopes = useScopes();
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label="Template name"
          value={content.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <TextInput
          label="Form title"
          value={content.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <Select
          label="Used for"
          description="The most specific template wins: unit, then qualification, then centre"
          data={scopes}
          value={scopeValue(content.scope)}
          allowDeselect={false}
          onChange={(value) => value && set({ scope: scopeOf(value) })}
        />
      </SimpleGrid>
      <Textarea
        label="Introduction for the witness"
        autosize
        value={content.introduction}
        onChange={(e) => set({ introduction: e.currentTarget.value })}
      />
      <Textarea
        label="Declaration wording"
        autosize
        value={content.declaration}
        onChange={(e) => set({ declaration: e.currentTarget.value })}
      />
      <LogoField content={content} set={set} />
    </>
  );
}
