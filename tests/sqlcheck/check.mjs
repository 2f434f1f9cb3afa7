// Grammar check for Athena SQL: parses each statement with one of dt-sql-parser's parsers — TrinoSQL for
// queries and CTAS (engine v3 is Trino), HiveSQL for DDL (CREATE EXTERNAL TABLE, ALTER TABLE ADD PARTITION,
// which Athena runs in its Hive dialect). Reads a JSON array of {"name": "...", "sql": "...", "parser":
// "trino" | "hive", "parametersOnlyInWhere": true|false} on stdin ("parser" defaults to "trino") and prints one line
// per statement: "ok   <name>", or "FAIL <name>" followed by its first error as "line L, column C: message" and
// the offending line with a caret under the column. A statement must be exactly one SQL statement. With
// "parametersOnlyInWhere", the Trino parse tree is walked and every execution parameter (`?`) that is not inside
// the WHERE clause of its own query is an error: AWS documents that Athena accepts them only there.
// Exit codes: 0 all statements parse, 1 at least one does not, 2 the input is not such an array.
//
// Node 20 cannot load dt-sql-parser's ES modules directly, so `npm run build` bundles this file with
// esbuild into dist/check.cjs, which is what runs: `node dist/check.cjs < statements.json`.
import { readFileSync } from 'node:fs';
import { HiveSQL } from 'dt-sql-parser/dist/parser/hive';
import { TrinoSQL } from 'dt-sql-parser/dist/parser/trino';

/** The parsers a statement can choose, and the grammar each one names in the summary. */
const parsers = {
    trino: { parser: new TrinoSQL(), grammar: 'Trino SQL' },
    hive: { parser: new HiveSQL(), grammar: 'Hive SQL' },
};

function readStatements() {
    let input;
    try {
        input = JSON.parse(readFileSync(0, 'utf8'));
    } catch (e) {
        throw new Error(`stdin is not JSON: ${e.message}`);
    }
    if (!Array.isArray(input) || input.length === 0) throw new Error('stdin must be a non-empty JSON array of {"name", "sql", "parser"}');
    return input.map((s, i) => {
        if (typeof s?.name !== 'string' || typeof s?.sql !== 'string')
            throw new Error(`item ${i + 1} must have string fields "name" and "sql"`);
        const parser = s.parser ?? 'trino';
        if (!Object.hasOwn(parsers, parser))
            throw new Error(`item ${i + 1} has parser ${JSON.stringify(parser)}; use one of ${Object.keys(parsers).map((p) => `"${p}"`).join(', ')}`);
        return { name: s.name, sql: s.sql, parser, parametersOnlyInWhere: s.parametersOnlyInWhere === true };
    });
}

/**
 * The `?` placeholders outside a WHERE clause: walking up from each parameter node, a WHERE clause must come before
 * the enclosing query specification (so not its select list, HAVING, GROUP BY, LIMIT, a JOIN's ON or a FILTER).
 */
function parametersOutsideWhere(tree) {
    const errors = [];
    const visit = (node) => {
        // Every '?' token: a parameter expression, and also LIMIT/OFFSET/FETCH row counts, which take the bare token.
        if (node.symbol && node.getText() === '?') {
            // dt-sql-parser's Trino grammar gives a query's WHERE its own rule (whereClause).
            let inWhere = false;
            for (let parent = node.parent; parent; parent = parent.parent) {
                const rule = parent.constructor?.name;
                // An aggregate's FILTER (WHERE …) is part of the select list, not the query's WHERE clause.
                if (rule === 'WhereClauseContext') inWhere = parent.parent?.constructor?.name !== 'FilterContext';
                if (rule === 'WhereClauseContext' || rule === 'QuerySpecificationContext') break;
            }
            if (!inWhere)
                errors.push({ line: node.symbol.line, column: node.symbol.column + 1, message: 'execution parameter (?) outside a WHERE clause' });
        }
        for (const c of node.children ?? []) visit(c);
    };
    visit(tree);
    return errors;
}

/** The errors of one statement, each with a 1-based line and column. */
function check(parser, sql, parametersOnlyInWhere) {
    // One parse gives the syntax errors, the statement count and (when asked) the tree to walk.
    const syntax = [];
    const tree = parser.parse(sql, (error) => syntax.push(error));
    if (syntax.length > 0) return syntax.map((e) => ({ line: e.startLine, column: e.startColumn, message: e.message }));
    const slices = parser.splitSQLByStatement(sql) ?? [];
    if (slices.length === 0) return [{ line: 1, column: 1, message: 'no SQL statement' }];
    if (slices.length > 1) {
        const { startLine: line, startColumn: column } = slices[1];
        return [{ line, column, message: `a second statement starts here; expected exactly one (${slices.length} found)` }];
    }
    return parametersOnlyInWhere ? parametersOutsideWhere(tree) : [];
}

function show(sql, error) {
    const text = sql.split('\n')[error.line - 1] ?? '';
    return `  line ${error.line}, column ${error.column}: ${error.message}\n    ${text}\n    ${' '.repeat(Math.max(0, error.column - 1))}^`;
}

let statements;
try {
    statements = readStatements();
} catch (e) {
    console.error(`sqlcheck: ${e.message}`);
    process.exit(2);
}

let failed = 0;
for (const { name, sql, parser, parametersOnlyInWhere } of statements) {
    const errors = check(parsers[parser].parser, sql, parametersOnlyInWhere);
    if (errors.length === 0) {
        console.log(`ok   ${name}`);
        continue;
    }
    failed++;
    console.log(`FAIL ${name}`);
    // The parser recovers and goes on, but errors after the first are mostly that recovery's echoes.
    console.log(show(sql, errors[0]));
    if (errors.length > 1) console.log(`  (${errors.length - 1} more after it${parametersOnlyInWhere ? '' : ', often caused by the first'})`);
}
const grammars = [...new Set(statements.map((s) => parsers[s.parser].grammar))].join(' or ');
console.log(`sqlcheck: ${statements.length - failed} of ${statements.length} statements parse as ${grammars}, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
