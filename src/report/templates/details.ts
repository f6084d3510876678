// Mustache partial `details`: one folded block per changed job of a plan (report/markdown/plan-details.ts):
// its allocations table, then each distinct file diff in a fenced block (the fence is longer than any
// backtick run of the diff). Shared by the PR comment and the job summary.
export const DETAILS = `{{#details}}

<details><summary>{{title}}</summary>

{{> table}}
{{#diffs}}

{{title}}{{#note}}: _{{note}}_{{/note}}
{{#body}}

{{{fence}}}diff
{{{body}}}
{{{fence}}}
{{/body}}
{{/diffs}}

</details>
{{/details}}
{{#diffsTrimmed}}

_{{diffsTrimmed}}_
{{/diffsTrimmed}}
`;
