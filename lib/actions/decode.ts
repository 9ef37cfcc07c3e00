import { z } from "zod";

// The one decoder of write inputs. A JSON body is already typed values; a form sends strings,
// which become the types its schema asks for, so every schema takes typed values (answers as a
// record, `complete` as a boolean) and a write cannot tell which way its input came.

/** Fields a form sends as checkboxes, which neither text, JSON nor a hidden "true"/"false" is. */
const checkboxFields = z.registry<{ form: "checkbox" | "checkboxes" }>();

/**
 * A boolean a form sends as one checkbox: a checked box sends "on", an unchecked one sends
 * nothing, so a form without the field means false (a JSON body must still send the boolean).
 */
export function checkbox(): z.ZodBoolean {
  return z.boolean().register(checkboxFields, { form: "checkbox" });
}

/**
 * A list a form sends as checkboxes that share the field's name: the values of the checked
 * ones, none when nothing is checked (a JSON body sends the list itself).
 */
export function checkboxes<S extends z.ZodArray>(schema: S): S {
  checkboxFields.add(schema as z.core.$ZodType, { form: "checkboxes" });
  return schema;
}

type FormKind = "text" | "boolean" | "number" | "json";

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
      return kinds.size === 1 ? [...kinds][0]! : kinds.has("json") ? "json" : "text";
    }
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "object":
    case "record":
    case "array":
    case "tuple":
      return "json";
    default:
      return "text";
  }
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
 * object shape describes (only its keys; files and missing fields become undefined, but a
 * missing `checkbox()` is false and `checkboxes()` are a list), anything else (a parsed JSON
 * body, a plain object) is returned as it is for the schema to check.
 */
export function decodeInput(schema: z.core.$ZodType, raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const shape = (schema._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const boxes = checkboxFields.get(field)?.form;
    if (boxes === "checkboxes") {
      out[key] = raw.getAll(key).filter((v) => typeof v === "string");
      continue;
    }
    const value = raw.get(key);
    if (boxes === "checkbox" && value === null) {
      out[key] = false;
      continue;
    }
    if (typeof value === "string") out[key] = decodeField(formKind(field), value);
  }
  return out;
}
