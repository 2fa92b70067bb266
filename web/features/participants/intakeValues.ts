// Form values of the intake sections are strings (as inputs hold them); these turn
// them into the section data the API takes, and back. '' is "not recorded".

export const num = (value: string): number | null => (value.trim() === '' ? null : Number(value));
export const bool = (value: string): boolean | null => (value === '' ? null : value === 'yes');
export const text = (value: string): string | null => value.trim() || null;

export const fromNum = (value: unknown): string => (typeof value === 'number' ? String(value) : '');
export const fromBool = (value: unknown): string => (value === true ? 'yes' : value === false ? 'no' : '');
export const fromText = (value: unknown): string => (typeof value === 'string' ? value : '');
