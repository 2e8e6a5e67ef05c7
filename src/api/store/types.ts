// The storefront's response types live in src/shared/http/store.ts (the one place the
// server and its clients share); this path is kept for code written against earlier versions.
export type * from "../../shared/http/store"
