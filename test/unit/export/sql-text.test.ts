// The lexical steps behind the dbt rewrite: measuring a table name the parser located (quoted,
// spaced, commented), dropping the semicolon that ends a model (not one inside a string or a
// comment), and escaping Jinja look-alikes so dbt prints them as written.
import { describe, expect, it } from 'vitest';
import { escapeJinja, jinjaString, nameAt, withoutTrailingSemicolon } from '../../../src/engine/export/dbt/sql-text.js';

describe('SQL text steps of the dbt export', () => {
  it('measures dotted names however they are written', () => {
    const sql = 'FROM bronze . /* x */ "Or""ders" AS o JOIN silver.y';
    expect(nameAt(sql, 5)).toEqual({ parts: ['bronze', 'Or"ders'], end: 32 });
    expect(sql.slice(5, 32)).toBe('bronze . /* x */ "Or""ders"');
    expect(nameAt(sql, sql.indexOf('silver'))).toEqual({ parts: ['silver', 'y'], end: sql.length });
    expect(nameAt('FROM café.tâble--c\n', 5)).toEqual({ parts: ['café', 'tâble'], end: 15 });
  });

  it('drops only the semicolon that ends the statement', () => {
    expect(withoutTrailingSemicolon('SELECT 1;')).toBe('SELECT 1');
    expect(withoutTrailingSemicolon('SELECT 1 ; -- done;\n')).toBe('SELECT 1  -- done;\n');
    expect(withoutTrailingSemicolon("SELECT ';' AS s /* ; */")).toBe("SELECT ';' AS s /* ; */");
    expect(withoutTrailingSemicolon("SELECT $$;$$ AS s, E'\\';' AS t;;")).toBe("SELECT $$;$$ AS s, E'\\';' AS t");
    expect(withoutTrailingSemicolon('SELECT 1 /* a /* nested */ ; */')).toBe('SELECT 1 /* a /* nested */ ; */');
  });

  it('escapes Jinja openers and quotes Jinja strings', () => {
    expect(escapeJinja("'{{x}}' {% if %} {#c#} { {")).toBe("'{{ '{{' }}x}}' {{ '{%' }} if %} {{ '{#' }}c#} { {");
    expect(escapeJinja('{{{')).toBe("{{ '{{' }}{");
    expect(jinjaString("it's \\ ok")).toBe("'it\\'s \\\\ ok'");
  });
});
