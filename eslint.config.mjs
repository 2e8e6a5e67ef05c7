// Lint: Medusa's own conventions (@medusajs/eslint-plugin, recommended) on the plugin's
// code, and the layering of src/ as import rules (the same layering
// integration-tests/unit/layering.spec.ts checks from the resolved paths):
// - src/shared imports no package and no other part of src;
// - the admin imports server code only through src/shared;
// - the module imports no workflow, route, subscriber, job, link or admin code;
// - a workflow step imports no hook file (a hook file registers a hook when it loads);
// - nothing outside the module imports its repositories (its SQL).
import medusa from "@medusajs/eslint-plugin"

// An import that climbs out of its folder (`../`) into one of these top-level folders of src.
const into = (dirs) => `^(\\.\\./)+(${dirs.join("|")})(/|$)`

// The module's SQL is its own: code outside it goes through the module's service.
const repositoriesPattern = {
  regex: "modules/serial/repositories(/|$)",
  message: "Only the serial module uses its repositories (its SQL); call the module's service.",
}

const noExecute = {
  selector: "MemberExpression[property.name='execute']",
  message: "Run SQL through run() (src/modules/serial/lib/sql.ts), not the manager's execute.",
}

export default [
  { ignores: [".medusa/**", "node_modules/**", "demo/**", ".demo/**", ".test-db/**", "integration-tests/**", "bench/**", "scripts/**"] },
  ...medusa.configs.recommended,
  {
    // Thrown only when the code itself is wrong (an unknown movement, a period that is not a
    // whole number), never for a client's input: a 500 is the right answer there.
    files: ["src/modules/serial/lib/**/*.ts", "src/workflows/utils/**/*.ts"],
    rules: { "@medusajs/use-medusa-error-not-generic-error": "off" },
  },
  {
    // The module's compensations open their own transaction with @InjectTransactionManager,
    // which also gives them a manager: the rule asks for @InjectManager by name only.
    files: ["src/modules/serial/service.ts"],
    rules: { "@medusajs/use-inject-manager-on-public-methods": "off" },
  },
  {
    // One way to run SQL: run() and its siblings in lib/sql.ts bind the parameters through
    // knex; MikroORM's execute inlines them into the text (seconds for a big JSON batch).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/modules/serial/lib/sql.ts"],
    rules: { "no-restricted-syntax": ["error", noExecute] },
  },
  {
    // Medusa's loader registers every function or class exported from repositories/ as a
    // repository (and fails on a plain function): statements are methods of exported objects.
    files: ["src/modules/serial/repositories/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        noExecute,
        {
          selector: "ExportNamedDeclaration > FunctionDeclaration, ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.type=/FunctionExpression$/]",
          message: "A repository file exports no function (Medusa would register it as a repository): put it in an exported object, or in lib/.",
        },
      ],
    },
  },
  {
    files: ["src/shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^[^.]", message: "src/shared imports no package: the admin bundle and storefronts use it as it is." },
            { regex: into(["modules", "workflows", "api", "admin", "subscribers", "jobs", "links"]), message: "src/shared imports nothing but src/shared." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/admin/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: into(["modules", "workflows", "api", "subscribers", "jobs", "links"]), message: "The admin reaches server code only through src/shared." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/modules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: into(["workflows", "api", "admin", "subscribers", "jobs", "links"]), message: "The module knows nothing of workflows, routes, subscribers, jobs, links or the admin." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/{workflows,api,jobs,subscribers,links,scripts}/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [repositoriesPattern] }],
    },
  },
  {
    files: ["src/workflows/steps/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: into(["hooks"]), message: "A step imports no hook file: a hook file registers a hook when it loads." },
            repositoriesPattern,
          ],
        },
      ],
    },
  },
]
