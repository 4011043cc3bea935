import { Api } from './api';
import { ClassView, PersonView } from './types';

/**
 * The names the attendance and timetable views leave out (they carry ids only): people read once
 * each from identity-service (`GET /api/identity/people/{id}`), a school's classes and groups in one
 * call. Nothing is shown by id: an unknown person is « élève » / « enseignant », never a UUID.
 */
export class NameBook {
  private readonly people = new Map<string, Promise<PersonView | null>>();
  private readonly classes = new Map<string, Promise<Record<string, string>>>();

  constructor(private readonly api: Api) {}

  person(id: string): Promise<PersonView | null> {
    let p = this.people.get(id);
    if (!p) {
      p = this.api.get<PersonView>(`/api/identity/people/${id}`).catch(() => null);
      this.people.set(id, p);
    }
    return p;
  }

  /** id → "Prénom Nom" for each id (one call per id not read before, all at once). */
  async peopleNames(ids: Iterable<string>): Promise<Record<string, string>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.person(id)));
    const names: Record<string, string> = {};
    unique.forEach((id, i) => {
      const p = found[i];
      if (p) names[id] = `${p.firstName} ${p.lastName}`;
    });
    return names;
  }

  /** id → name of the school's classes and groups. */
  classNames(schoolId: string): Promise<Record<string, string>> {
    let c = this.classes.get(schoolId);
    if (!c) {
      c = this.api
        .get<ClassView[]>(`/api/identity/schools/${schoolId}/classes`)
        .then((list) => Object.fromEntries(list.map((k) => [k.id, k.name || k.code])))
        .catch(() => ({}));
      this.classes.set(schoolId, c);
    }
    return c;
  }
}
