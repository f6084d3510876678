// Mustache template of the sticky PR comment of command plan. {{{marker}}} is the hidden HTML comment
// the action finds its own comment by; it must stay the first line.
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
{{#details}}

<details><summary>{{title}}</summary>

{{> table}}

</details>
{{/details}}
{{#trimmed}}

_{{trimmed}}_
{{/trimmed}}
`;
