import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import platformCallers from "./lib/db/platform-callers.json" with { type: "json" };

// Layering rules of the database (decision "Three database logins"). Each
// uses its own rule name, so another config object restricting imports with
// `no-restricted-imports` (for other folders) does not replace it.
const RAW_CLIENT_MESSAGE =
  "Only lib/db uses the raw database client: go through withTenant (lib/db/tenant.ts) or a named function of lib/db/platform.ts.";
const PLATFORM_MESSAGE =
  "withPlatform sees every tenant. Use withTenant, or add this module to lib/db/platform-callers.json with its reason.";

const config = [
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "playwright/**",
      ".data/**",
      "lib/db/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    // Type-aware rules for the mistakes that matter most on a server: promises
    // nobody awaits and async functions passed where a sync callback is expected.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["scripts/**", "bench/**", "e2e/**", "tests/**", "prisma/**"],
    rules: { "no-console": "off" },
  },
  {
    // Scripts, tests, benchmarks and browser-test fixtures open and close the database themselves.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/db/**", "scripts/**", "tests/**", "bench/**", "e2e/**", "**/*.test.ts", "**/*.test.tsx", "prisma.config.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/client", "@/lib/db/adapters", "**/db/client", "**/db/adapters"], message: RAW_CLIENT_MESSAGE },
          ],
          paths: [
            {
              name: "@/lib/db/generated/prisma/client",
              importNames: ["PrismaClient"],
              allowTypeImports: true,
              message: RAW_CLIENT_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    // Layers point one way: components never import from app/. Server Actions
    // live in lib/<concept>/actions.ts (or come as props from their page).
    // Repeats the raw-client patterns: a later block's rule replaces an earlier one's.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/client", "@/lib/db/adapters", "**/db/client", "**/db/adapters"], message: RAW_CLIENT_MESSAGE },
            {
              group: ["@/app/*", "@/app/**", "**/app/**"],
              message:
                "components/ must not import from app/: put Server Actions in lib/<concept>/actions.ts, or pass them as props.",
            },
          ],
          paths: [
            {
              name: "@/lib/db/generated/prisma/client",
              importNames: ["PrismaClient"],
              allowTypeImports: true,
              message: RAW_CLIENT_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.mjs"],
    ignores: [...Object.keys(platformCallers.exempt), ...Object.keys(platformCallers.callers)],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ImportSpecifier[imported.name='withPlatform']", message: PLATFORM_MESSAGE },
        { selector: "ExportSpecifier[local.name='withPlatform']", message: PLATFORM_MESSAGE },
        {
          selector: "Identifier[name='withPlatform']:not(ImportSpecifier > Identifier):not(ExportSpecifier > Identifier)",
          message: PLATFORM_MESSAGE,
        },
      ],
    },
  },
];

export default config;
