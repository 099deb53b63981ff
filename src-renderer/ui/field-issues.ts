/**
 * Core's INVALID_INPUT issues sorted for a form: those a field on the form can show, by that
 * field's name ("applicant.fullName" → ['applicant', 'fullName']), and the messages of the rest.
 * The rest are said in words only: core's path for a field is a developer's name for it.
 */
export type FieldName = (string | number)[];

export function placeIssues(issues: Record<string, string>, hasField: (name: FieldName) => boolean, prefix: FieldName = []) {
  const fields: { name: FieldName; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const [key, message] of Object.entries(issues)) {
    const name = [...prefix, ...key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
    if (key && hasField(name)) fields.push({ name, errors: [message] });
    else unplaced.push(message);
  }
  return { fields, unplaced };
}
