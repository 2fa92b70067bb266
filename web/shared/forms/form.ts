import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';

/** Error messages keyed by field path, as Mantine's form holds them. */
export type FormErrors = Record<string, ReactNode>;

/**
 * A form whose values are checked by one function, in Lotse always the server's
 * Zod schema through schemaErrors(). Errors clear as the user corrects a field.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint @mantine/form itself uses
export function useValidatedForm<Values extends Record<string, any>>(initialValues: Values, validate: (values: Values) => FormErrors) {
  return useForm<Values>({ initialValues, validate });
}

// @mantine/form's ESM type entry re-exports its types from './types' without a file
// extension, which "nodenext" resolution cannot follow; so the type comes from here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Form<Values extends Record<string, any>> = ReturnType<typeof useValidatedForm<Values>>;
