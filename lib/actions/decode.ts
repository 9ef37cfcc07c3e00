import type { z } from "zod";

// The one decoder of write inputs. A JSON body is already typed values; a form sends strings,
// which become the types its schema asks for, so every schema takes typed values (answers as a
// record, `complete` as a boolean) and a write cannot tell which way its input came.

type FormKind = "text" | "boolean" | "number" | "json" | "list";

/** How a form carries a value of this schema: as text, a boolean, a number, or JSON text. */
function formKind(schema: z.core.$ZodType): FormKind {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    innerType?: z.core.$ZodType;
    in?: z.core.$ZodType;
    options?: z.core.$ZodType[];
  };
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return def.innerType ? formKind(def.innerType) : "text";
    case "pipe":
      return def.in ? formKind(def.in) : "text";
    case "union": {
      const kinds = new Set((def.options ?? []).map(formKind));
      return kinds.size === 1 ? [...kinds][0]! : kinds.has("json") || kinds.has("list") ? "json" : "text";
    }
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "array":
      return "list";
    case "object":
    case "record":
    case "tuple":
      return "json";
    default:
      return "text";
  }
}

/**
 * A list from a form: one JSON list as a single field, or else the field's values in order, as
 * checkboxes and selects sharing a name send them.
 */
function decodeList(values: string[]): unknown {
  if (values.length === 1 && values[0]!.trimStart().startsWith("[")) {
    const parsed = decodeField("json", values[0]!);
    if (Array.isArray(parsed)) return parsed;
  }
  return values;
}

function decodeField(kind: FormKind, value: string): unknown {
  switch (kind) {
    case "boolean":
      // "on" is what a checked checkbox without a value sends.
      return value === "true" || value === "on" ? true : value === "false" ? false : value;
    case "number": {
      const n = Number(value);
      return value.trim() !== "" && Number.isFinite(n) ? n : value;
    }
    case "json":
      try {
        return JSON.parse(value) as unknown;
      } catch {
        // Left as text: the schema refuses it with its own message.
        return value;
      }
    default:
      return value;
  }
}

/**
 * The input of a write as typed values: a FormData is decoded field by field as `schema`'s
 * object shape describes (only its keys; files and missing fields become undefined; a list from
 * repeated fields or one JSON list), anything else (a parsed JSON body, a plain object) is
 * returned as it is for the schema to check.
 */
export function decodeInput(schema: z.core.$ZodType, raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const shape = (schema._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const kind = formKind(field);
    const values = raw.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length === 0) continue;
    out[key] = kind === "list" ? decodeList(values) : decodeField(kind, values[0]!);
  }
  return out;
}
