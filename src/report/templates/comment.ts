// Mustache template of the sticky PR comment of command plan. {{{marker}}} is the hidden HTML comment
// the action finds its own comment by; it must stay the first line. The folded
// blocks of the changed jobs come from the `details` partial (templates/details.ts).
export const COMMENT_TEMPLATE = `{{{marker}}}
## {{icon}} maand plan: {{headline}}

{{{facts}}}{{#runUrl}} · [workflow run]({{{runUrl}}}){{/runUrl}}
{{#notes}}

> {{.}}
{{/notes}}
{{#sections}}

### {{title}}

{{> table}}
{{/sections}}
{{> details}}
{{#trimmed}}

_{{trimmed}}_
{{/trimmed}}
`;
