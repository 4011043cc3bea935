import { describe, expect, it } from 'vitest';
import { fieldLabel, problemMessage } from './problems';

describe('problem details shown in French', () => {
  it('names the invalid field in French, with its line', () => {
    const msg = problemMessage(400, {
      type: 'https://ent.example/problems/validation',
      status: 400,
      detail: 'marks[2].lateMinutes: must be greater than or equal to 1',
      errors: [{ field: 'submit.in.marks[2].lateMinutes', message: 'must be greater than or equal to 1' }],
    });
    expect(msg).toBe('Le champ « minutes de retard (ligne 3) » doit valoir au moins 1.');
  });

  it('says how many other fields are wrong', () => {
    const msg = problemMessage(400, {
      errors: [
        { field: 'reasonId', message: 'must not be null' },
        { field: 'comment', message: 'size must be between 0 and 500' },
      ],
    });
    expect(msg).toBe('Le champ « motif » est obligatoire. (1 autre(s) champ(s) à corriger)');
  });

  it('uses the stable type of a known problem, never its English detail', () => {
    const msg = problemMessage(409, { type: 'https://ent.example/problems/lesson-cancelled', detail: 'The lesson occurrence 1234 is cancelled' });
    expect(msg).toContain('annulé');
    expect(msg).not.toContain('1234');
    expect(msg).not.toContain('lesson');
  });

  it('falls back on the status, and on an unknown field name without showing it', () => {
    expect(problemMessage(404, { detail: 'No pupil 4f1c5b3e-0000-4000-8000-000000000000' })).toBe(
      'Cette page n’existe pas, ou vous n’y avez pas accès.',
    );
    expect(problemMessage(503, null)).toContain('indisponible');
    expect(problemMessage(0, null)).toContain('connexion');
    expect(fieldLabel('secretInternalName')).toBe('un champ');
  });
});

describe('problem details of the second slice', () => {
  it("says in French why a teacher's absence cannot be withdrawn, or why a field of it is wrong", () => {
    expect(problemMessage(409, { type: 'https://ent.example/problems/absence-confirmed', detail: 'already confirmed' })).toBe(
      'Cette absence a déjà été confirmée par la vie scolaire : elle ne peut plus être retirée.',
    );
    expect(problemMessage(400, { errors: [{ field: 'declareAbsence.in.to', message: 'must not be null' }] })).toBe('Le champ « fin » est obligatoire.');
    expect(problemMessage(400, { errors: [{ field: 'mode', message: 'le résumé quotidien n’existe que pour l’e-mail' }] })).toBe(
      'Le champ « mode d’envoi » : le résumé quotidien n’existe que pour l’e-mail.',
    );
  });

  it("shows a service's own French rule with the field and the line, never an English one", () => {
    expect(problemMessage(400, { errors: [{ field: 'marks[2].value', message: 'la note dépasse le barème (20)' }] })).toBe(
      'Le champ « note (ligne 3) » : la note dépasse le barème (20).',
    );
    expect(problemMessage(400, { errors: [{ field: 'hypotheses[0].coefficient', message: 'must be positive' }] })).toBe(
      'Le champ « coefficient (ligne 1) » n’est pas valide.',
    );
    expect(problemMessage(409, { type: 'https://ent.example/problems/period-locked', detail: 'locked' })).toBe(
      'Cette période est close : les notes ne peuvent plus changer.',
    );
  });
});

describe('problem details of homework', () => {
  it('says why a hand-in is refused, and names the work’s fields in French', () => {
    expect(problemMessage(409, { type: 'https://ent.example/problems/hand-in-final', status: 409, detail: 'Due time passed' })).toBe(
      'L’heure de remise est passée : le travail déjà rendu ne peut plus être remplacé.',
    );
    expect(problemMessage(409, { type: 'https://ent.example/problems/hand-ins-closed', status: 409 })).toBe('Le professeur a clos la remise de ce travail.');
    expect(problemMessage(400, { status: 400, errors: [{ field: 'setWork.in.estimatedMinutes', message: 'must be less than or equal to 600' }] })).toBe(
      'Le champ « temps estimé » doit valoir au plus 600.',
    );
    expect(problemMessage(400, { status: 400, errors: [{ field: 'setWork.in.pupilIds[2]', message: 'not in the class' }] })).toBe('Le champ « élèves (ligne 3) » n’est pas valide.');
    // libs/files' limits differ per service: no figure that would be wrong for one of them
    expect(problemMessage(413, { type: 'https://ent.example/problems/file-too-large', status: 413 })).toBe('Le fichier dépasse la taille acceptée.');
  });
});
