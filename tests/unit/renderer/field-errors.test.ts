/**
 * Core's refusal of an input, placed on the form: issues with a field on the form go next to it,
 * the others are said in words only, never with core's path for the field ("applicant.email: …").
 */
import { describe, expect, it } from 'vitest';
import { placeIssues, type FieldName } from '../../../src-renderer/ui/field-issues';

describe('placeIssues', () => {
  it('marks the fields the form has and says the rest without their code names', () => {
    const issues = { 'applicant.fullName': 'Họ tên quá dài', 'applicant.email': 'Thư điện tử không hợp lệ', 'documents.0.name': 'Thiếu tên giấy tờ', '': 'Thiếu thông tin hồ sơ' };
    const onForm = ['applicant.fullName', 'documents.0.name'];
    const { fields, unplaced } = placeIssues(issues, (name: FieldName) => onForm.includes(name.join('.')));
    expect(fields).toEqual([
      { name: ['applicant', 'fullName'], errors: ['Họ tên quá dài'] },
      { name: ['documents', 0, 'name'], errors: ['Thiếu tên giấy tờ'] },
    ]);
    expect(unplaced).toEqual(['Thư điện tử không hợp lệ', 'Thiếu thông tin hồ sơ']);
  });

  it('names fields under a prefix when the form holds the input one level down', () => {
    const { fields, unplaced } = placeIssues({ name: 'Tên quá dài' }, (name) => name.join('.') === 'office.name', ['office']);
    expect(fields).toEqual([{ name: ['office', 'name'], errors: ['Tên quá dài'] }]);
    expect(unplaced).toEqual([]);
  });
});
