import { type Compilable, type CompiledQuery, createQueryId, type Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * A query Kysely builds and compiles once, then runs with each call's values.
 *
 * Kysely builds a query as a tree of frozen nodes and compiles the tree to SQL on every call.
 * For the queries every request makes (the session behind a cookie, an office's page, the
 * submitter and the new application's statement), that cost nearly as much of the server's time
 * as the database driver, and more than Hono. Here the builder runs once per `shape`, with a
 * stand-in for each value; the SQL is kept, and later calls only put their values in the
 * stand-ins' places.
 *
 * The rules, which the compiled query cannot check for itself:
 * - `build` hands each value to Kysely as a value (`where(column, '=', values.x)`, `.values`),
 *   and never looks at it: a stand-in is an object, whatever its type says.
 * - Whatever changes the SQL (an optional filter present or not, a page size written into the
 *   SQL, a list's length) goes into `shape`, plain data: one SQL text is kept per distinct shape.
 * - Values are never undefined (Kysely leaves out an insert's undefined columns): pass null.
 * - A list of rows is read as `values.rows[i].column`, for `i` below a length given in `shape`.
 *
 * Both of the server's databases compile through Kysely's PostgreSQL compiler, so one
 * compilation serves either.
 */
export class ReusableQuery<Values extends object, Row, Shape = undefined> {
  readonly #name: string;
  readonly #build: QueryBuild<Values, Row, Shape>;
  readonly #compiled = new Map<string, CompiledTemplate>();

  /** `name` names the query in the errors of a misuse. */
  constructor(name: string, build: QueryBuild<Values, Row, Shape>) {
    this.#name = name;
    this.#build = build;
  }

  /** The query's rows for these values. */
  async execute(db: Kysely<Database>, values: Values, shape?: Shape): Promise<Row[]> {
    const result = await db.executeQuery<Row>(this.compiled(db, values, shape));
    return result.rows;
  }

  async executeTakeFirst(db: Kysely<Database>, values: Values, shape?: Shape): Promise<Row | undefined> {
    return (await this.execute(db, values, shape))[0];
  }

  /** The compiled query with these values in place; its SQL is the same for every call of a shape. */
  compiled(db: Kysely<Database>, values: Values, shape?: Shape): CompiledQuery<Row> {
    const key = shape === undefined ? '' : JSON.stringify(shape);
    let template = this.#compiled.get(key);
    if (template === undefined) {
      if (this.#compiled.size >= MAX_SHAPES) throw new Error(`${this.#name}: more than ${MAX_SHAPES} shapes`);
      template = compileTemplate<Values>(this.#name, db, (db, values) => this.#build(db, values, shape as Shape));
      this.#compiled.set(key, template);
    }
    const { query, sql, parameters, valueAt } = template;
    const filled = parameters.slice();
    for (const [index, path] of valueAt) {
      const value = path.length === 1 ? (values as Record<string, unknown>)[path[0]!] : valueAtPath(values, path);
      if (value === undefined) throw new TypeError(`${this.#name}: no value for "${path.join('.')}"`);
      filled[index] = value;
    }
    return { query, queryId: createQueryId(), sql, parameters: filled };
  }
}

/**
 * Builds the query with Kysely. `values` holds stand-ins, to be passed on as values and never
 * looked at; `shape` (plain data, compared as its JSON) is what the SQL may depend on.
 */
export type QueryBuild<Values, Row, Shape> = (db: Kysely<Database>, values: Values, shape: Shape) => Compilable<Row>;

/** Shapes are a few variants of a query; more means a value has found its way into `shape`. */
const MAX_SHAPES = 512;

interface CompiledTemplate {
  readonly query: CompiledQuery['query'];
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** Where each value goes: the parameter's index, and the value's path in a call's values. */
  readonly valueAt: readonly (readonly [number, readonly string[]])[];
}

const PATH = Symbol('path');
const QUERY_NAME = Symbol('query name');

/**
 * What the builder gets in place of a value while the query is compiled: the value at its path
 * in a call's values (`id`, or `targets.0.role` for a field of a listed row). Each of its
 * properties is the stand-in of that property, so rows of a list can be built from
 * `values.targets[i]`. Turned into a string or a number (a comparison, a template, `sql.raw`),
 * it throws: the SQL would hold the stand-in.
 */
class StandIn {
  readonly [PATH]: readonly string[];
  readonly [QUERY_NAME]: string;

  constructor(queryName: string, path: readonly string[]) {
    this[QUERY_NAME] = queryName;
    this[PATH] = path;
  }

  [Symbol.toPrimitive](): never {
    throw new TypeError(
      `${this[QUERY_NAME]}: "${this[PATH].join('.')}" was read while the query was built; pass it to Kysely as a value`,
    );
  }
}

function standIn(queryName: string, path: readonly string[]): StandIn {
  return new Proxy(new StandIn(queryName, path), {
    get(target, property) {
      if (typeof property === 'symbol') return Reflect.get(target, property);
      return standIn(queryName, [...path, property]);
    },
  });
}

function compileTemplate<Values extends object>(
  queryName: string,
  db: Kysely<Database>,
  build: (db: Kysely<Database>, values: Values) => Compilable<unknown>,
): CompiledTemplate {
  const read = new Set<string>();
  const values = new Proxy({} as Values, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      read.add(name);
      return standIn(queryName, [name]);
    },
  });
  const { query, sql, parameters } = build(db, values).compile();
  const valueAt: [number, readonly string[]][] = [];
  const placed = new Set<string>();
  parameters.forEach((parameter, index) => {
    if (parameter instanceof StandIn) {
      valueAt.push([index, parameter[PATH]]);
      placed.add(parameter[PATH][0]!);
    }
  });
  // A value read but not placed as a parameter (nor any field of it) was looked at, or went
  // into the SQL's text (a list, a literal): reusing that SQL would be wrong for other values.
  for (const name of read) {
    if (!placed.has(name)) throw new Error(`${queryName}: "${name}" is not passed to the query as a value`);
  }
  return { query, sql, parameters, valueAt };
}

/** The value at `path` in a call's values. */
function valueAtPath(values: object, path: readonly string[]): unknown {
  let value: unknown = values;
  for (let index = 0; index < path.length && value !== undefined && value !== null; index++) {
    value = (value as Record<string, unknown>)[path[index]!];
  }
  return value;
}
