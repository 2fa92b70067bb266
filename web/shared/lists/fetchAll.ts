import { api, type Page, type QueryParams } from '../api/client.ts';

/** The server's largest page (PAGE_SIZE_MAX in server/http/lists.ts). */
const PAGE_SIZE = 200;

/** Every item of a list endpoint that matches the filters, page by page. */
export async function fetchAllPages<T>(path: string, params: QueryParams): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await api.get<Page<T>>(path, { ...params, page, pageSize: PAGE_SIZE });
    items.push(...result.items);
    if (result.items.length < PAGE_SIZE || items.length >= result.total) return items;
  }
}
