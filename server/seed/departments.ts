/**
 * The departments of a provincial People's Committee after the 2025 restructuring (Decree
 * 45/2025/NĐ-CP): the specialised departments (sở), the provincial inspectorate and the Committee's
 * office. Every provincial unit gets the same list here, in this order; their number (`S01`…) is
 * their place in it, so a code never changes once given. Where a province has no department of
 * ethnic and religious affairs (its home affairs department carries that work) or has a department
 * of its own (Hà Nội's tourism department, say), a real deployment corrects the list through the
 * agency import. docs/decisions/0032-provincial-departments.md.
 */
export const DEPARTMENTS: readonly { vi: string; en: string }[] = [
  { vi: 'Văn phòng Ủy ban nhân dân', en: "Office of the People's Committee" },
  { vi: 'Thanh tra', en: 'Inspectorate' },
  { vi: 'Sở Nội vụ', en: 'Department of Home Affairs' },
  { vi: 'Sở Tài chính', en: 'Department of Finance' },
  { vi: 'Sở Tư pháp', en: 'Department of Justice' },
  { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' },
  { vi: 'Sở Công Thương', en: 'Department of Industry and Trade' },
  { vi: 'Sở Nông nghiệp và Môi trường', en: 'Department of Agriculture and Environment' },
  { vi: 'Sở Xây dựng', en: 'Department of Construction' },
  { vi: 'Sở Giáo dục và Đào tạo', en: 'Department of Education and Training' },
  { vi: 'Sở Y tế', en: 'Department of Health' },
  { vi: 'Sở Văn hóa, Thể thao và Du lịch', en: 'Department of Culture, Sports and Tourism' },
  { vi: 'Sở Dân tộc và Tôn giáo', en: 'Department of Ethnic and Religious Affairs' },
];

export interface GeneratedDepartment {
  code: string;
  nameVi: string;
  nameEn: string;
  kind: 'department';
  provinceCode: string;
}

/** A department's code: its province's, then `S` and its place in `DEPARTMENTS` (communes are `-001`…). */
export function departmentCode(provinceCode: string, index: number): string {
  return `${provinceCode}-S${String(index + 1).padStart(2, '0')}`;
}

/** "Thành phố Hà Nội" → "thành phố Hà Nội": how a department's name carries its province's. */
function lowerFirst(name: string): string {
  return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}

/** Every provincial unit's departments, named after it ("Sở Y tế tỉnh Lai Châu", "Department of Health, Lai Chau"). */
export function generateDepartments(
  provinces: readonly { code: string; nameVi: string; nameEn: string }[],
): GeneratedDepartment[] {
  return provinces.flatMap((province) =>
    DEPARTMENTS.map((d, i) => ({
      code: departmentCode(province.code, i),
      nameVi: `${d.vi} ${lowerFirst(province.nameVi)}`,
      nameEn: `${d.en}, ${province.nameEn}`,
      kind: 'department' as const,
      provinceCode: province.code,
    })),
  );
}
