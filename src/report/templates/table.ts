// Mustache partial `table`: one Markdown table of a section ({columns, rows: [{cells}], more}).
// Cells arrive as plain text; the renderer's escape makes them safe inside a table cell.
export const TABLE_PARTIAL = `|{{#columns}} {{.}} |{{/columns}}
|{{#columns}} --- |{{/columns}}
{{#rows}}
|{{#cells}} {{.}} |{{/cells}}
{{/rows}}
{{#more}}

_{{more}}_
{{/more}}
`;
