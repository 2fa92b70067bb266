import { useSearchParams } from 'react-router';

// A list's page, sort and filters live in the URL, so that a filtered list can be
// bookmarked, shared, and survives the back button. Changing a filter or the sort
// goes back to page 1.

export type SortOrder = 'asc' | 'desc';

export interface ListDefaults {
  sort: string;
  order?: SortOrder;
  pageSize?: number;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export function useListParams<F extends string>(defaults: ListDefaults, filterNames: readonly F[]) {
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Number(search.get('pageSize')) || defaults.pageSize || 25;
  const sort = search.get('sort') || defaults.sort;
  const order: SortOrder = search.get('order') === 'desc' || (!search.get('order') && defaults.order === 'desc') ? 'desc' : 'asc';
  const filters = Object.fromEntries(filterNames.map((name) => [name, search.get(name) ?? ''])) as Record<F, string>;

  function update(patch: Partial<Record<'page' | 'pageSize' | 'sort' | 'order' | F, string | number>>): void {
    const next = new URLSearchParams(search);
    if (!('page' in patch)) next.delete('page');
    for (const [key, value] of Object.entries(patch)) {
      if (value === '' || value === undefined) next.delete(key);
      else next.set(key, String(value));
    }
    setSearch(next, { replace: true });
  }

  /** A click on a column header: sort by it, or turn the order round if it is sorted by it already. */
  function toggleSort(key: string): void {
    update({ sort: key, order: key === sort && order === 'asc' ? 'desc' : 'asc' } as Parameters<typeof update>[0]);
  }

  /** The list endpoint's query parameters for the current page. */
  const query = { page, pageSize, sort, order, ...filters };
  /** The same without paging: what an export of "everything that matches" asks for. */
  const filterQuery = { sort, order, ...filters };
  return { page, pageSize, sort, order, filters, query, filterQuery, update, toggleSort };
}

export type ListParams<F extends string> = ReturnType<typeof useListParams<F>>;
