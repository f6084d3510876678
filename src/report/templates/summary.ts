// Mustache template of the job summary (core.summary). The view is built by report/markdown/summary.ts.
export const SUMMARY_TEMPLATE = `## {{icon}} maand {{command}}: {{headline}}

{{{facts}}}{{#runUrl}} · [workflow run]({{{runUrl}}}){{/runUrl}}
{{#notes}}

> {{.}}
{{/notes}}
{{#sections}}

### {{title}}

{{> table}}
{{#diagram}}

\`\`\`mermaid
{{{diagram}}}
\`\`\`
{{/diagram}}
{{/sections}}
{{> details}}
{{#trimmed}}

_{{trimmed}}_
{{/trimmed}}
`;

/** The summary of a run that stopped before it had a result (bad input, state, build error). */
export const ERROR_SUMMARY_TEMPLATE = `## ❌ maand {{command}} failed

{{message}}
`;
