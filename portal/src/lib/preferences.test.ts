import { describe, expect, it } from 'vitest';
import { menuFor } from './menu';
import { modeLabel, modesFor, preferencePath, preferenceRows } from './preferences';
import { Me, Preference } from './types';

describe('notification preferences', () => {
  const prefs: Preference[] = [
    { type: 'absence', label: 'Absences', channel: 'IN_APP', mode: 'IMMEDIATE', defaultMode: 'IMMEDIATE' },
    { type: 'absence', label: 'Absences', channel: 'EMAIL', mode: 'DIGEST', defaultMode: 'IMMEDIATE' },
    { type: 'grade', label: 'Notes', channel: 'IN_APP', mode: 'IMMEDIATE', defaultMode: 'IMMEDIATE' },
    { type: 'grade', label: 'Notes', channel: 'EMAIL', mode: 'OFF', defaultMode: 'OFF' },
  ];

  it('shows one row per type with each channel, in the order the service gives', () => {
    const rows = preferenceRows(prefs);
    expect(rows.map((r) => r.label)).toEqual(['Absences', 'Notes']);
    expect(rows[0].modes.EMAIL).toEqual({ mode: 'DIGEST', defaultMode: 'IMMEDIATE' });
  });

  it('offers the daily digest by e-mail only, as the API accepts', () => {
    expect(modesFor('EMAIL')).toContain('DIGEST');
    expect(modesFor('IN_APP')).not.toContain('DIGEST');
    expect(modesFor('PUSH')).toEqual(['IMMEDIATE', 'OFF']); // push: at once or never
    expect(modeLabel('DIGEST', 'EMAIL')).toBe('Résumé quotidien (18h)');
    expect(modeLabel('OFF', 'IN_APP')).toBe('Jamais');
  });

  it('changes one type on one channel', () => {
    expect(preferencePath('absence-threshold', 'EMAIL')).toBe('/api/notification/preferences/absence-threshold/EMAIL');
  });
});

describe('the menu', () => {
  const base: Me = { profile: { id: 'x', role: 'PARENT', firstName: 'A', lastName: 'B', schoolIds: ['s'] }, children: [], teaching: [], enrolments: [] };
  it('gives each profile its pages', () => {
    const parent = { ...base, children: [{ person: { ...base.profile, role: 'PUPIL' as const }, currentEnrolments: [] }] };
    expect(menuFor(parent).map((m) => m.path)).toEqual(['/', '/notes', '/travail/x', '/messagerie', '/reponse-automatique', '/notifications', '/reglages', '/activer']);
    const teacher = { ...base, profile: { ...base.profile, role: 'TEACHER' as const }, teaching: [{ id: 't', schoolId: 's', classGroupId: 'c', classGroupName: '4A', subject: 'M' }] };
    expect(menuFor(teacher).map((m) => m.label)).toEqual(['Aujourd’hui', 'Ma semaine', 'Notes', 'Cahier de textes', 'Mes absences', 'Messagerie', 'Réponse automatique', 'Notifications', 'Réglages', 'Application mobile']);
    expect(menuFor({ ...base, profile: { ...base.profile, role: 'PUPIL' } }).map((m) => m.label)).toEqual(['Ma semaine', 'Notes', 'Travail à faire', 'Messagerie', 'Notifications', 'Réglages', 'Application mobile']);
    const staff = menuFor({ ...base, profile: { ...base.profile, role: 'STAFF' } });
    expect(staff[0]).toEqual({ path: '/', label: 'Vie scolaire' });
    expect(staff.map((m) => m.path)).toEqual(expect.arrayContaining(['/diffusions', '/signalements', '/regles-messagerie', '/reponse-automatique']));
    // reports and the rule table are the vie scolaire's and the head's only; the auto-reply is every adult's
    for (const who of [parent, teacher, { ...base, profile: { ...base.profile, role: 'PUPIL' as const } }])
      expect(menuFor(who).map((m) => m.path)).not.toEqual(expect.arrayContaining(['/signalements']));
    expect(menuFor({ ...base, profile: { ...base.profile, role: 'PUPIL' } }).map((m) => m.path)).not.toContain('/reponse-automatique');
    expect(menuFor({ ...base, profile: { ...base.profile, role: 'ADMIN' } }).map((m) => m.path)).not.toContain('/reponse-automatique');
  });
});
