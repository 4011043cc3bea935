import { useState } from 'react';
import { Api } from '../lib/api';
import { staffSchoolIds } from '../lib/staff';
import { Me, Page, School } from '../lib/types';
import { useLoad } from './useLoad';

const SCHOOL_KEY = 'ent.staff.school';

/**
 * The school a member of staff works on: the one picked last in this browser (any staff page), else
 * their first; with the schools' names (`GET /api/identity/schools`) for the title and the picker.
 */
export function useStaffSchool(api: Api, me: Me) {
  const schoolIds = staffSchoolIds(me);
  const [schoolId, setSchoolId] = useState(() => {
    const kept = localStorage.getItem(SCHOOL_KEY);
    return kept && schoolIds.includes(kept) ? kept : schoolIds[0];
  });
  const schools = useLoad(() => api.get<Page<School>>('/api/identity/schools?size=200'), [api]);
  const nameOf = (id: string) => schools.data?.items.find((s) => s.id === id)?.name;
  const pick = (id: string) => {
    localStorage.setItem(SCHOOL_KEY, id);
    setSchoolId(id);
  };
  return { schoolIds, schoolId: schoolId as string | undefined, schoolName: schoolId ? nameOf(schoolId) : undefined, nameOf, pick };
}

/** The school picker of someone with two schools (nothing for one). */
export function SchoolPicker({ school }: { school: ReturnType<typeof useStaffSchool> }) {
  if (school.schoolIds.length < 2) return null;
  return (
    <label>
      Établissement{' '}
      <select value={school.schoolId} onChange={(e) => school.pick(e.target.value)}>
        {school.schoolIds.map((id) => (
          <option key={id} value={id}>
            {school.nameOf(id) ?? 'Établissement'}
          </option>
        ))}
      </select>
    </label>
  );
}
