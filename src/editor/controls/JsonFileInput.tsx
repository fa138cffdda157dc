import type { Ref } from 'react';

/**
 * The hidden file input behind an "Open…" or "Import…" button: JSON files only, one at a time,
 * and cleared after each pick so picking the same file again still reads it.
 */
export function JsonFileInput({ ref, testId, onFile }: { ref: Ref<HTMLInputElement>; testId: string; onFile(file: File): void }) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".json,application/json"
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
