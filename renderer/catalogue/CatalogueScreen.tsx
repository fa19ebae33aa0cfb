import { Stack, Title } from '@mantine/core';
import { ar } from '@shared/labels/ar';
import { DeclarationEditor } from './DeclarationEditor';
import { DocumentTypesCard } from './DocumentTypesCard';
import { ServiceTypesCard } from './ServiceTypesCard';

/** The administrator's catalogue: services and their required documents (S2), document types, the declaration (S4). */
export function CatalogueScreen() {
  return (
    <Stack maw={1200} mx="auto">
      <Title order={3}>{ar.catalogue.title}</Title>
      <ServiceTypesCard />
      <DocumentTypesCard />
      <DeclarationEditor />
    </Stack>
  );
}
