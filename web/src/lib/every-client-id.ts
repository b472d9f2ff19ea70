// The distinct clients of a paged report (Use in lists acts on all of them, not the page shown).

/** Every distinct client of a paged list, its pages read one after another. */
export async function everyClientId<Item extends { clientId: string | null }>(
  read: (page: number) => Promise<{ items: Item[]; pageSize: number; total: number }>,
): Promise<string[]> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const answer = await read(page);
    // A registered company that is not yet a client has no id to put in a list.
    for (const item of answer.items) if (item.clientId) ids.add(item.clientId);
    if (answer.items.length === 0 || page * answer.pageSize >= answer.total) return [...ids];
  }
}
