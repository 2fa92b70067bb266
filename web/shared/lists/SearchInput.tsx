import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

interface SearchInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  label: string;
  value: string;
  onSearch: (text: string) => void;
}

/** A text filter that asks the server only once typing pauses. */
export function SearchInput({ label, value, onSearch, ...props }: SearchInputProps) {
  const [text, setText] = useState(value);
  const search = useDebouncedCallback((next: string) => onSearch(next.trim()), 300);
  return (
    <TextInput
      type="search"
      w={{ base: '100%', sm: 260 }}
      {...props}
      label={label}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
    />
  );
}
