// Reads the reference DDL (db/reference/mewayz-schema.sql) into a plain structure
// the schema-fidelity tests compare each dialect's live schema against.

export type RefColumn = {
  name: string;
  /** The seed's type, upper-cased, e.g. VARCHAR(255), ENUM('a','b'), DECIMAL(5,2). */
  type: string;
  base: string;
  args: string[];
  unsigned: boolean;
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  autoIncrement: boolean;
  default: string | null;
  onUpdateNow: boolean;
};

export type RefKey = { name: string; columns: string[] };
export type RefForeignKey = { column: string; table: string; refColumn: string; onDelete: string };

export type RefTable = {
  name: string;
  columns: RefColumn[];
  indexes: RefKey[];
  uniques: RefKey[];
  foreignKeys: RefForeignKey[];
};

/** Splits on commas that are not inside parentheses or quotes. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of body) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const names = (list: string) => list.split(",").map((s) => s.trim());

function parseColumn(def: string): RefColumn {
  const m = /^(\w+)\s+([A-Za-z]+)(\(([^)]*)\))?(\s+UNSIGNED)?(.*)$/i.exec(def);
  if (!m) throw new Error(`unreadable column: ${def}`);
  const [, name = "", base = "", typeArgs, inner = "", unsigned, rest = ""] = m;
  const args = inner ? splitTopLevel(inner).map((a) => a.replace(/^'|'$/g, "")) : [];
  const defaultMatch = /\bDEFAULT\s+('[^']*'|[\w.]+)/i.exec(rest);
  return {
    name,
    type: `${base.toUpperCase()}${typeArgs ?? ""}`,
    base: base.toUpperCase(),
    args,
    unsigned: Boolean(unsigned),
    primaryKey: /\bPRIMARY KEY\b/i.test(rest),
    notNull: /\bNOT NULL\b/i.test(rest) || /\bPRIMARY KEY\b/i.test(rest),
    unique: /\bUNIQUE\b/i.test(rest),
    autoIncrement: /\bAUTO_INCREMENT\b/i.test(rest),
    default: defaultMatch?.[1] ? defaultMatch[1].replace(/^'|'$/g, "") : null,
    onUpdateNow: /\bON UPDATE CURRENT_TIMESTAMP\b/i.test(rest),
  };
}

export function parseReferenceSchema(ddl: string): RefTable[] {
  const tables: RefTable[] = [];
  const statement = /CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g;
  for (const [, name = "", body = ""] of ddl.matchAll(statement)) {
    const table: RefTable = { name, columns: [], indexes: [], uniques: [], foreignKeys: [] };
    for (const item of splitTopLevel(body)) {
      const fk = /^FOREIGN KEY \((\w+)\) REFERENCES (\w+)\((\w+)\)(?: ON DELETE (\w+))?/i.exec(item);
      const uniqueKey = /^UNIQUE KEY (\w+) \(([^)]*)\)/i.exec(item);
      const index = /^INDEX (\w+) \(([^)]*)\)/i.exec(item);
      if (fk) {
        table.foreignKeys.push({
          column: fk[1]!,
          table: fk[2]!,
          refColumn: fk[3]!,
          onDelete: (fk[4] ?? "").toUpperCase(),
        });
      } else if (uniqueKey) {
        table.uniques.push({ name: uniqueKey[1]!, columns: names(uniqueKey[2]!) });
      } else if (index) {
        table.indexes.push({ name: index[1]!, columns: names(index[2]!) });
      } else {
        table.columns.push(parseColumn(item));
      }
    }
    tables.push(table);
  }
  return tables;
}
