import { dayLabel, instantLabel } from '../lib/dates';
import { OfflineSnapshot, OfflineTodo } from '../lib/offline';

/** The last timetable seen on this device, for when the network is gone. */
export function OfflineTimetable({ snapshot }: { snapshot: OfflineSnapshot }) {
  return (
    <section className="offline" aria-labelledby="hors-ligne">
      <h2 id="hors-ligne">Dernier emploi du temps enregistré</h2>
      <p className="note">Enregistré le {instantLabel(snapshot.savedAt)} : il a pu changer depuis.</p>
      {snapshot.people.map((p) => (
        <article key={p.name} className="card">
          <h3>{p.name}</h3>
          {p.days.map((d) => (
            <div key={d.date}>
              <h4>{dayLabel(d.date)}</h4>
              {d.lessons.length === 0 ? (
                <p className="empty">Pas de cours.</p>
              ) : (
                <ul className="lessons">
                  {d.lessons.map((l, i) => (
                    <li key={i} className="lesson">
                      <span className="time">{l.time}</span> <span className="subject">{l.subject}</span>
                      {l.change && <strong className="change">{l.change}</strong>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}

/** The last to-do list seen on this device (a pupil's, or each child's), for when the network is gone. */
export function OfflineTodoList({ todo }: { todo: OfflineTodo }) {
  return (
    <section className="offline" aria-labelledby="travail-hors-ligne">
      <h2 id="travail-hors-ligne">Dernière liste du travail enregistrée</h2>
      <p className="note">Enregistrée le {instantLabel(todo.savedAt)} : elle a pu changer depuis.</p>
      {todo.people.map((p) => (
        <article key={p.name} className="card">
          <h3>{p.name}</h3>
          {p.days.length === 0 && <p className="empty">Aucun travail à faire.</p>}
          {p.days.map((d) => (
            <div key={d.day}>
              <h4>{dayLabel(d.day)}</h4>
              <ul className="works">
                {d.items.map((i, n) => (
                  <li key={n} className="work">
                    <span className="subject">{i.subject}</span> {i.title} <span className="state">{i.done ? '(fait)' : '(à faire)'}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}
