import { Me } from './types';

/** The pages a signed-in person may open, in the header's menu (French labels). */
export function menuFor(me: Me): { path: string; label: string }[] {
  const role = me.profile.role;
  const items: { path: string; label: string }[] = [];
  if (me.children.length > 0) items.push({ path: '/', label: 'Accueil' });
  else if (me.teaching.length > 0) items.push({ path: '/', label: 'Aujourd’hui' });
  else if (role === 'STAFF' || role === 'ADMIN') items.push({ path: '/', label: 'Vie scolaire' });
  if (me.teaching.length > 0) items.push({ path: '/semaine', label: 'Ma semaine' });
  else if (role === 'PUPIL') items.push({ path: '/semaine', label: 'Ma semaine' });
  if (me.children.length > 0 || role === 'PUPIL') items.push({ path: '/notes', label: 'Notes' });
  else if (me.teaching.length > 0) items.push({ path: '/evaluations', label: 'Notes' });
  if (role === 'PUPIL') items.push({ path: '/travail', label: 'Travail à faire' });
  for (const c of me.children) items.push({ path: `/travail/${c.person.id}`, label: `Travail de ${c.person.firstName}` });
  if (me.teaching.length > 0) items.push({ path: '/cahier-de-textes', label: 'Cahier de textes' });
  if (role === 'TEACHER') items.push({ path: '/absences', label: 'Mes absences' });
  items.push({ path: '/messagerie', label: 'Messagerie' });
  if (role === 'STAFF') items.push({ path: '/diffusions', label: 'Informations aux familles' });
  if (role === 'STAFF') items.push({ path: '/signalements', label: 'Signalements' }, { path: '/regles-messagerie', label: 'Règles de la messagerie' });
  if (isAdult(me)) items.push({ path: '/reponse-automatique', label: 'Réponse automatique' });
  items.push({ path: '/notifications', label: 'Notifications' }, { path: '/reglages', label: 'Réglages' });
  items.push({ path: '/activer', label: 'Application mobile' });
  return items;
}

/** Parents, teachers and staff: who has an absence with an auto-reply (`/me/away`; not pupils, not the platform's admin). */
export function isAdult(me: Me): boolean {
  const role = me.profile.role;
  return role === 'PARENT' || role === 'TEACHER' || role === 'STAFF';
}
