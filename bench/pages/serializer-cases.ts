/*
 * Values for the serializer bench: what queries typically hold, and what a hostile or careless
 * page can put in a cache entry (huge, deep, cyclic, throwing, proxied).
 */
const item = (i: number) => ({
  id: i,
  title: `Task number ${i}`,
  done: i % 3 === 0,
  createdAt: new Date(1_700_000_000_000 + i).toISOString(),
  tags: ["work", "urgent"],
  assignee: { id: i % 10, name: "Ada Lovelace", email: "ada@example.com" },
});

function deep(levels: number) {
  let node: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) node = { level: i, child: node };
  return node;
}

function cyclic() {
  const users: Record<string, unknown>[] = Array.from({ length: 20 }, (_, i) => ({ id: i, name: `user ${i}` }));
  users.forEach((user, i) => ((user.friend = users[(i + 1) % users.length]), (user.self = user)));
  return { users };
}

function throwingGetters() {
  const value: Record<string, unknown> = { ok: 1 };
  for (let i = 0; i < 50; i++) Object.defineProperty(value, `bad${i}`, { enumerable: true, get: () => { throw new Error(`getter ${i}`); } });
  return value;
}

function revokedProxy() {
  const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
  revoke();
  return { inner: proxy };
}

export const typical: Record<string, () => unknown> = {
  "small object": () => item(1),
  "list of 50 records": () => Array.from({ length: 50 }, (_, i) => item(i)),
  "page of 1,000 records": () => ({ total: 1_000, items: Array.from({ length: 1_000 }, (_, i) => item(i)) }),
};

export const hostile: Record<string, () => unknown> = {
  "array of 1,000,000 numbers": () => Array.from({ length: 1_000_000 }, (_, i) => i),
  "object with 100,000 keys": () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
  "10 MB string": () => "x".repeat(10_000_000),
  "5,000 levels deep": () => deep(5_000),
  "cycles": cyclic,
  "Map of 100,000 entries": () => new Map(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, item(i)])),
  "50 throwing getters": throwingGetters,
  "revoked proxy": revokedProxy,
  "BigInt": () => ({ id: 12345678901234567890n }),
};
