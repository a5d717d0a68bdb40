// Vitest runs outside Next's "react-server" environment, where the real
// `server-only` package throws on import. Tests are server code, so the guard
// is replaced by this empty module (see vitest.config.ts).
export {};
