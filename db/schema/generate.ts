// Writes the Drizzle definitions of both dialects from tables.ts:
//   db/schema/generated/sqlite.ts (D1)   db/schema/generated/mysql.ts (MySQL, PlanetScale)
// `npm run db:generate` runs it; a test fails when the written files differ from what it makes.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ColumnSpec, indexColumn, type TableSpec } from "./describe";
import { tables } from "./tables";

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const quote = (value: string) => JSON.stringify(value);

function defaultValue(spec: ColumnSpec, dialect: "sqlite" | "mysql"): string {
  const d = spec.default;
  if (!d) return "";
  if (d.kind === "now") return dialect === "mysql" ? ".defaultNow()" : ".default(sql`CURRENT_TIMESTAMP`)";
  return `.default(${typeof d.value === "string" ? quote(d.value) : String(d.value)})`;
}

function sqliteColumn(name: string, spec: ColumnSpec): string {
  let col: string;
  switch (spec.kind) {
    case "uuid":
    case "varchar":
    case "text":
    case "mediumtext":
    case "longtext":
      col = `text(${quote(name)})`;
      break;
    case "enum":
      col = `text(${quote(name)}, { enum: [${(spec.values ?? []).map(quote).join(", ")}] })`;
      break;
    case "json":
      col = `sqliteJson(${quote(spec.jsonType ?? "JsonObject")})(${quote(name)})`;
      break;
    case "boolean":
      col = `integer(${quote(name)}, { mode: "boolean" })`;
      break;
    case "int":
    case "int_unsigned":
    case "tinyint_unsigned":
      col = `integer(${quote(name)})`;
      break;
    case "bigint_autoincrement":
      return `integer(${quote(name)}).primaryKey({ autoIncrement: true })`;
    case "decimal":
      col = `sqliteDecimal(${spec.scale})(${quote(name)})`;
      break;
    case "timestamp":
      col = `sqliteTimestamp(${quote(name)})`;
      break;
  }
  return col + modifiers(spec, "sqlite");
}

function mysqlColumn(name: string, spec: ColumnSpec): string {
  let col: string;
  switch (spec.kind) {
    case "uuid":
      col = `char(${quote(name)}, { length: 36 })`;
      break;
    case "varchar":
      col = `varchar(${quote(name)}, { length: ${spec.length} })`;
      break;
    case "text":
    case "mediumtext":
    case "longtext":
      col = `${spec.kind}(${quote(name)})`;
      break;
    case "enum":
      col = `mysqlEnum(${quote(name)}, [${(spec.values ?? []).map(quote).join(", ")}])`;
      break;
    case "json":
      col = `mysqlJson(${quote(spec.jsonType ?? "JsonObject")})(${quote(name)})`;
      break;
    case "boolean":
      col = `boolean(${quote(name)})`;
      break;
    case "int":
      col = `int(${quote(name)})`;
      break;
    case "int_unsigned":
      col = `int(${quote(name)}, { unsigned: true })`;
      break;
    case "tinyint_unsigned":
      col = `tinyint(${quote(name)}, { unsigned: true })`;
      break;
    case "bigint_autoincrement":
      return `bigint(${quote(name)}, { mode: "number", unsigned: true }).autoincrement().primaryKey()`;
    case "decimal":
      col = `decimal(${quote(name)}, { precision: ${spec.precision}, scale: ${spec.scale} })`;
      break;
    case "timestamp":
      col = `timestamp(${quote(name)}, { mode: "date" })`;
      break;
  }
  return col + modifiers(spec, "mysql");
}

function modifiers(spec: ColumnSpec, dialect: "sqlite" | "mysql"): string {
  let out = "";
  if (spec.primaryKey) out += ".primaryKey()";
  else if (spec.notNull) out += ".notNull()";
  if (spec.generatedId) out += ".$defaultFn(uuidv7)";
  if (spec.unique) out += ".unique()";
  out += defaultValue(spec, dialect);
  // MySQL refreshes updated_at itself; the same hook keeps SQLite rows (and explicit MySQL updates) equal.
  if (spec.onUpdateNow)
    out += dialect === "mysql" ? ".onUpdateNow().$onUpdate(() => new Date())" : ".$onUpdate(() => new Date())";
  return out;
}

function extras(t: TableSpec, dialect: "sqlite" | "mysql"): string[] {
  const out: string[] = [];
  // SQLite index names are global to the database while MySQL's are per table.
  const indexName = (name: string) => (dialect === "sqlite" ? `${t.name}_${name}` : name);
  for (const u of t.uniques) {
    out.push(`unique(${quote(u.name)}).on(${u.columns.map((c) => `t.${c}`).join(", ")})`);
  }
  const onColumn = (entry: string) => {
    const { column, caseless } = indexColumn(entry);
    return caseless && dialect === "sqlite" ? `sql\`\${t.${column}} COLLATE NOCASE\`` : `t.${column}`;
  };
  for (const i of t.indexes) {
    out.push(`index(${quote(indexName(i.name))}).on(${i.columns.map(onColumn).join(", ")})`);
  }
  for (const [name, spec] of Object.entries(t.columns)) {
    if (!spec.references) continue;
    // Named explicitly: Drizzle's default names pass MySQL's 64-character limit on the longer tables.
    const target = `${camel(spec.references.table)}.${spec.references.column}`;
    out.push(
      `foreignKey({ name: ${quote(`fk_${t.name}_${name}`)}, columns: [t.${name}], foreignColumns: [${target}] }).onDelete("cascade")`,
    );
  }
  if (dialect === "sqlite") {
    // MySQL enforces ENUM itself; SQLite gets the same rule as a CHECK.
    for (const [name, spec] of Object.entries(t.columns)) {
      if (spec.kind !== "enum") continue;
      const values = (spec.values ?? []).map((v) => `'${v}'`).join(", ");
      out.push(`check(${quote(`${t.name}_${name}_check`)}, sql\`\${t.${name}} IN (${values})\`)`);
    }
  }
  return out;
}

function render(dialect: "sqlite" | "mysql"): string {
  const tableFn = dialect === "sqlite" ? "sqliteTable" : "mysqlTable";
  const columnOf = dialect === "sqlite" ? sqliteColumn : mysqlColumn;
  const imports =
    dialect === "sqlite"
      ? [
          'import { sql } from "drizzle-orm";',
          'import { check, foreignKey, index, integer, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";',
          'import { uuidv7 } from "../../uuidv7";',
          'import { sqliteJson } from "../json-columns";',
          'import { sqliteDecimal, sqliteTimestamp } from "../sqlite-types";',
        ]
      : [
          "import {",
          "  bigint, boolean, char, decimal, foreignKey, index, int, longtext, mediumtext, mysqlEnum, mysqlTable,",
          "  text, timestamp, tinyint, unique, varchar,",
          '} from "drizzle-orm/mysql-core";',
          'import { uuidv7 } from "../../uuidv7";',
          'import { mysqlJson } from "../json-columns";',
        ];
  const body = tables.map((t) => {
    const columns = Object.entries(t.columns)
      .map(([name, spec]) => `    ${name}: ${columnOf(name, spec)},`)
      .join("\n");
    const ex = extras(t, dialect);
    const third = ex.length ? `,\n  (t) => [\n${ex.map((e) => `    ${e},`).join("\n")}\n  ]` : "";
    return `export const ${camel(t.name)} = ${tableFn}(\n  ${quote(t.name)},\n  {\n${columns}\n  }${third},\n);\n`;
  });
  return [
    `// Generated by db/schema/generate.ts from db/schema/tables.ts — do not edit; run \`npm run db:generate\`.`,
    ...imports,
    "",
    body.join("\n"),
  ].join("\n");
}

export const generatedFiles = {
  "generated/sqlite.ts": () => render("sqlite"),
  "generated/mysql.ts": () => render("mysql"),
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, make] of Object.entries(generatedFiles)) {
    writeFileSync(new URL(file, import.meta.url), make());
    console.log(`wrote db/schema/${file}`);
  }
}
