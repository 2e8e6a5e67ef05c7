import fs from "node:fs"
import path from "node:path"
import ts from "typescript"

/**
 * The plugin's admin speaks the admin user's language (src/admin/i18n): no text a user
 * reads is written into a component, every key a component asks for exists, and German
 * has every English key with the same placeholders. A text is found where a user sees it:
 * JSX text, the attributes and option fields that hold words (label, title, placeholder,
 * aria-label, ...), string literals a JSX expression shows, and toast messages.
 */

const ADMIN = path.join(__dirname, "../../src/admin")
const I18N = path.join(ADMIN, "i18n")
const LANGUAGES = ["en", "de"]

/** Attributes and object fields whose string value a user reads. */
const TEXT_NAMES = new Set([
  "label",
  "title",
  "placeholder",
  "aria-label",
  "alt",
  "subtitle",
  "header",
  "emptyText",
  "description",
  "confirmText",
  "cancelText",
  "text",
  "heading",
])
/** A translation key (a route label names one), not a text. */
const KEY = /^serials\.[A-Za-z0-9_.]+$/
/** Words: a letter. Separators, punctuation and numbers are no text to translate. */
const hasWords = (s: string) => /\p{L}/u.test(s)

function adminFiles(dir = ADMIN): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === "i18n" ? [] : adminFiles(full)
    return /\.(tsx?)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : []
  })
}

type Tree = { [key: string]: string | Tree }
const load = (lang: string): Tree =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(I18N, lang))
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(I18N, lang, f), "utf8"))])
  )
const leaves = (tree: Tree, prefix = ""): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)))
const lookup = (tree: Tree, key: string): string | Tree | undefined =>
  key.split(".").reduce<string | Tree | undefined>((at, k) => (at && typeof at === "object" ? at[k] : undefined), tree)

const texts = { en: load("en"), de: load("de") } as Record<string, Tree>

/** Text literal nodes a user would read, and `t` calls with their key, in one file. */
function scan(file: string) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: string[] = []
  const keys: Array<{ key: string; dynamic: boolean; line: number }> = []
  const prefixes = new Map<string, string>() // t function name -> keyPrefix
  const where = (n: ts.Node) => `${path.relative(ADMIN, file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`
  const literalText = (n: ts.Node): string | null =>
    ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)
      ? n.text
      : ts.isTemplateExpression(n)
        ? [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(" ")
        : null

  /** A literal shown as it is: the value of an expression, not an argument, a comparison or a key. */
  const shownLiterals = (n: ts.Node, out: ts.Node[] = []): ts.Node[] => {
    if (literalText(n) !== null) {
      out.push(n)
    } else if (ts.isConditionalExpression(n)) {
      shownLiterals(n.whenTrue, out)
      shownLiterals(n.whenFalse, out)
    } else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(n.operatorToken.kind)) {
      if (n.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) shownLiterals(n.left, out)
      shownLiterals(n.right, out)
    } else if (ts.isParenthesizedExpression(n)) {
      shownLiterals(n.expression, out)
    }
    return out
  }
  const flag = (n: ts.Node) => {
    const text = literalText(n)
    if (text !== null && hasWords(text) && !KEY.test(text)) found.push(`${where(n)} "${text.slice(0, 60)}"`)
  }

  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && hasWords(n.text)) {
      found.push(`${where(n)} "${n.text.trim().slice(0, 60)}"`)
    } else if (ts.isJsxExpression(n) && n.expression && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) {
      shownLiterals(n.expression).forEach(flag)
    } else if (ts.isJsxAttribute(n) && TEXT_NAMES.has(n.name.getText()) && n.initializer) {
      const value = ts.isJsxExpression(n.initializer) ? n.initializer.expression : n.initializer
      if (value) shownLiterals(value).forEach(flag)
    } else if (ts.isPropertyAssignment(n) && TEXT_NAMES.has(n.name.getText().replace(/["']/g, ""))) {
      shownLiterals(n.initializer).forEach(flag)
      // A route's menu label is a key (`translationNs`): it must exist like any other.
      if (ts.isStringLiteral(n.initializer) && KEY.test(n.initializer.text)) {
        keys.push({ key: n.initializer.text, dynamic: false, line: source.getLineAndCharacterOfPosition(n.getStart()).line + 1 })
      }
    } else if (ts.isCallExpression(n)) {
      const callee = n.expression.getText()
      if (/^toast\.(success|error|warning|info)$/.test(callee) && n.arguments[0]) {
        shownLiterals(n.arguments[0]).forEach(flag)
      }
      if (callee === "useTranslation") {
        const options = n.arguments[1]
        const prefix =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "keyPrefix")
            : undefined
        const binding = n.parent && ts.isVariableDeclaration(n.parent) && ts.isObjectBindingPattern(n.parent.name) ? n.parent.name : null
        const element = binding?.elements.find((e) => (e.propertyName ?? e.name).getText() === "t")
        if (element) {
          prefixes.set(element.name.getText(), prefix && ts.isStringLiteral(prefix.initializer) ? prefix.initializer.text : "")
        }
      }
      const prefix = prefixes.get(callee)
      const arg = n.arguments[0]
      if (prefix !== undefined && arg) {
        const join = (k: string) => (prefix ? `${prefix}.${k}` : k)
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
          keys.push({ key: join(arg.text), dynamic: false, line: source.getLineAndCharacterOfPosition(n.getStart()).line + 1 })
        } else if (ts.isTemplateExpression(arg)) {
          keys.push({ key: join(arg.head.text.replace(/\.$/, "")), dynamic: true, line: source.getLineAndCharacterOfPosition(n.getStart()).line + 1 })
        }
      }
    } else if (ts.isImportDeclaration(n)) {
      const names = n.importClause?.namedBindings
      if (names && ts.isNamedImports(names)) {
        names.elements.filter((e) => /_LABELS$/.test(e.name.getText())).forEach((e) => found.push(`${where(e)} imports ${e.name.getText()} (English only)`))
      }
    }
    ts.forEachChild(n, visit)
  }
  visit(source)
  return { found, keys: keys.map((k) => ({ ...k, file: path.relative(ADMIN, file) })) }
}

describe("admin translations", () => {
  const scanned = adminFiles().map(scan)

  it("leaves no text a user reads hard-coded in the admin's components", () => {
    expect(scanned.flatMap((s) => s.found)).toEqual([])
  })

  it("has every key a component asks for, in English and German", () => {
    const missing: string[] = []
    for (const { key, dynamic, file, line } of scanned.flatMap((s) => s.keys)) {
      const bare = key.replace(/^serials\./, "")
      for (const lang of LANGUAGES) {
        const at = lookup(texts[lang], bare)
        // A count picks the plural form: `key_one`, `key_other` (i18next's suffixes).
        const plural = typeof lookup(texts[lang], `${bare}_other`) === "string" && typeof lookup(texts[lang], `${bare}_one`) === "string"
        if (dynamic ? !at || typeof at !== "object" : typeof at !== "string" && !plural) {
          missing.push(`${file}:${line} ${lang} ${key}${dynamic ? ".*" : ""}`)
        }
      }
    }
    expect(missing).toEqual([])
    // The scan did find the components' keys (a broken scan would pass the check above).
    expect(scanned.flatMap((s) => s.keys).length).toBeGreaterThan(10)
  })

  it("has German for every English text, with the same placeholders, and nothing empty", () => {
    const en = new Map(leaves(texts.en))
    const de = new Map(leaves(texts.de))
    expect([...de.keys()].sort()).toEqual([...en.keys()].sort())
    const placeholders = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).map((p) => p.replace(/\s/g, "")).sort()
    const problems = [...en].flatMap(([key, text]) => {
      const german = de.get(key) ?? ""
      return [
        ...(text.trim() && german.trim() ? [] : [`${key}: empty`]),
        ...(JSON.stringify(placeholders(text)) === JSON.stringify(placeholders(german)) ? [] : [`${key}: placeholders differ`]),
      ]
    })
    expect(problems).toEqual([])
  })

  it("registers every area file in the admin's i18n index", () => {
    const index = fs.readFileSync(path.join(I18N, "index.ts"), "utf8")
    for (const lang of LANGUAGES) {
      for (const file of fs.readdirSync(path.join(I18N, lang))) {
        expect([lang, file, index.includes(`"./${lang}/${file}"`)]).toEqual([lang, file, true])
      }
    }
  })
})
